import CMicroHTTPD
import Dispatch
import LedgerportLog
import LedgerportSDK

/// Queues a response on a libmicrohttpd connection and logs the request.
///
/// Call only from the access handler. The body is copied into
/// libmicrohttpd's response. `Content-Length` and `Transfer-Encoding`
/// fields are skipped because libmicrohttpd writes its own. A field that
/// libmicrohttpd rejects (a line break in the value) is skipped and logged.
enum MHDResponseWriter {
    private static let fieldsSetByLibrary: Set<String> = ["content-length", "transfer-encoding"]

    static func queue(_ response: HTTPServerResponse, for exchange: MHDExchange) -> MHD_Result {
        let core = exchange.core
        let closesConnection = core.lock.withLock { core.isStopping }
        let handle = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let handle else {
            core.logger.error("failed to create response", metadata: requestMetadata(exchange, status: response.status))
            return .NO
        }
        defer { MHD_destroy_response(handle) }

        for field in response.headers where !fieldsSetByLibrary.contains(field.name.lowercased()) {
            if MHD_add_response_header(handle, field.name, field.value) == .NO {
                core.logger.warning("skipped invalid response header", metadata: [LogMetadataKey.httpResponseHeader: .string(field.name)])
            }
        }
        if closesConnection && response.headers["Connection"] == nil {
            _ = MHD_add_response_header(handle, "Connection", "close")
        }

        let result = MHD_queue_response(exchange.connection, UInt32(response.status), handle)
        logServed(exchange, status: response.status, queued: result == .YES)
        return result
    }

    private static func logServed(_ exchange: MHDExchange, status: Int, queued: Bool) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - exchange.startNanoseconds
        exchange.core.logger.debug(queued ? "served request" : "failed to queue response", metadata: {
            var metadata = requestMetadata(exchange, status: status)
            metadata[LogMetadataKey.durationMilliseconds] = .string(formatMilliseconds(elapsed))
            metadata[LogMetadataKey.httpRequestBodyBytes] = .integer(Int64(exchange.body.count))
            metadata[LogMetadataKey.httpRequestHeaders] = HTTPHeaderRedaction.logValue(exchange.headers)
            return metadata
        }())
    }

    private static func requestMetadata(_ exchange: MHDExchange, status: Int) -> LogMetadata {
        [
            LogMetadataKey.httpMethod: .string(exchange.method),
            LogMetadataKey.httpPath: .string(exchange.loggedPath),
            LogMetadataKey.httpStatus: .integer(Int64(status)),
        ]
    }

    /// Formats nanoseconds as milliseconds with three decimals, such as `0.184`.
    private static func formatMilliseconds(_ nanoseconds: UInt64) -> String {
        let microseconds = nanoseconds / 1000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
