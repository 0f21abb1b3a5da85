import CMicroHTTPD
import LedgerportLog

/// The steps of one request on its libmicrohttpd thread: check the declared
/// size, collect the body, hand the request to its handler, and queue the
/// response. Every function runs inside the access handler and returns what
/// the access handler returns (`.NO` closes the connection).
enum MHDRequestFlow {
    /// Reads the header fields and rejects a declared body over the limit before any of it is read.
    static func start(_ exchange: MHDExchange) -> MHD_Result {
        exchange.headers = MHDRequestReader.headers(of: exchange.connection)
        let limit = exchange.core.configuration.maximumBodyBytes
        guard let declared = exchange.headers["Content-Length"].flatMap({ UInt64($0) }) else {
            return .YES
        }
        guard declared <= UInt64(limit) else {
            return rejectOversized(exchange)
        }
        exchange.body.reserveCapacity(Int(declared))
        return .YES
    }

    /// Appends a piece of body; once a body outgrows the limit, drops it and reads the rest without keeping it.
    ///
    /// A body without `Content-Length` (chunked) can only be measured as it
    /// arrives, and libmicrohttpd 0.9.75 accepts no response in the middle of
    /// a body. So the rest is read and dropped, and ``dispatch(_:)`` responds
    /// 413 when the body ends. A client that keeps sending past
    /// ``discardLimitFactor`` times the limit has its connection closed instead.
    static func receive(_ chunk: UnsafeRawBufferPointer, for exchange: MHDExchange) -> MHD_Result {
        let limit = exchange.core.configuration.maximumBodyBytes
        if let dropped = exchange.droppedBodyBytes {
            exchange.droppedBodyBytes = dropped + chunk.count
            return dropped + chunk.count <= limit * discardLimitFactor ? .YES : .NO
        }
        guard exchange.body.count + chunk.count <= limit else {
            exchange.droppedBodyBytes = exchange.body.count + chunk.count
            exchange.body = []
            return .YES
        }
        exchange.body.append(contentsOf: chunk)
        return .YES
    }

    /// How many times the body limit a chunked body may reach, read and dropped, before its connection is closed without a 413.
    static let discardLimitFactor = 8

    /// Builds the request, routes it and starts its handler; called once the whole body has arrived.
    static func dispatch(_ exchange: MHDExchange) -> MHD_Result {
        guard exchange.droppedBodyBytes == nil else {
            return rejectOversized(exchange)
        }
        exchange.isReceiving = false
        var request = MHDRequestReader.request(for: exchange)
        let handler = exchange.core.route(&request)

        switch handler {
        case .immediate(let handle):
            exchange.core.lock.withLock { exchange.state = .handling }
            handle(request, HTTPResponder(exchange: exchange))
            return finishImmediate(exchange)
        case .async(let handle):
            exchange.core.lock.withLock { exchange.state = .suspending }
            // Suspend before the task exists, so its response cannot arrive first.
            exchange.suspendUntilAnswered()
            startTask(for: exchange, request: request, handle: handle)
            return .YES
        }
    }

    /// Queues the response a resume delivered, or 503 for a request abandoned by a stopping server.
    static func queueAfterResume(_ exchange: MHDExchange) -> MHD_Result {
        exchange.core.lock.lock()
        let response: HTTPServerResponse
        switch exchange.state {
        case .resuming(let delivered):
            response = delivered
        case .abandoned:
            response = .serviceUnavailable()
        default:
            exchange.core.lock.unlock()
            return .YES
        }
        exchange.state = .queued
        exchange.core.lock.unlock()
        return MHDResponseWriter.queue(response, for: exchange)
    }

    private static func finishImmediate(_ exchange: MHDExchange) -> MHD_Result {
        exchange.core.lock.lock()
        if case .answeredEarly(let response) = exchange.state {
            exchange.state = .queued
            exchange.core.lock.unlock()
            return MHDResponseWriter.queue(response, for: exchange)
        }
        exchange.state = .suspending
        exchange.core.lock.unlock()
        exchange.suspendUntilAnswered()
        return .YES
    }

    private static func startTask(
        for exchange: MHDExchange, request: HTTPServerRequest,
        handle: @escaping @Sendable (HTTPServerRequest) async throws -> HTTPServerResponse
    ) {
        let isAbandoned = exchange.core.lock.withLock {
            if case .abandoned = exchange.state { true } else { false }
        }
        guard !isAbandoned else {
            return
        }
        Task {
            do {
                exchange.complete(with: try await handle(request))
            } catch {
                exchange.core.logger.error(
                    "failed to handle request",
                    metadata: [
                        LogMetadataKey.httpMethod: .string(request.method), LogMetadataKey.httpPath: .string(request.path),
                        LogMetadataKey.error: .string(String(describing: error)),
                    ]
                )
                exchange.complete(with: .internalError())
            }
        }
    }

    /// Responds 413 and passes the rejection, without the body, to the server's rejection observer.
    private static func rejectOversized(_ exchange: MHDExchange) -> MHD_Result {
        let configuration = exchange.core.configuration
        let message = HTTPServerResponse.payloadTooLargeMessage(limitBytes: configuration.maximumBodyBytes, limitSetting: configuration.bodyLimitSetting)
        if let observe = exchange.core.onRejected {
            observe(HTTPServerRejection(
                method: exchange.method, path: exchange.rawURL, remoteAddress: MHDRequestReader.remoteAddress(of: exchange.connection),
                status: 413, code: HTTPServerResponse.payloadTooLargeCode, message: message))
        }
        exchange.isReceiving = false
        exchange.core.lock.withLock { exchange.state = .queued }
        return MHDResponseWriter.queue(.error(status: 413, code: HTTPServerResponse.payloadTooLargeCode, message: message), for: exchange)
    }
}
