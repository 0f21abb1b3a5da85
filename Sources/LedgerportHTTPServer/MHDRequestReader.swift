import CMicroHTTPD
import Foundation
import LedgerportSDK

/// Reads the parts of a request from a libmicrohttpd connection.
///
/// Call only from the access handler, while libmicrohttpd owns the connection's memory.
enum MHDRequestReader {
    /// The header fields in the order received.
    static func headers(of connection: OpaquePointer) -> HTTPHeaders {
        HTTPHeaders(values(of: connection, kind: .HEADER_KIND))
    }

    /// The complete request value for the handler, built after the whole body has arrived.
    static func request(for exchange: MHDExchange) -> HTTPServerRequest {
        let query = values(of: exchange.connection, kind: .GET_ARGUMENT_KIND).map { argument in
            (
                name: PercentDecoding.decode(Substring(argument.name), plusAsSpace: true),
                value: PercentDecoding.decode(Substring(argument.value), plusAsSpace: true)
            )
        }
        return HTTPServerRequest(
            method: exchange.method, path: exchange.rawURL, query: query, headers: exchange.headers,
            body: exchange.body, remoteAddress: remoteAddress(of: exchange.connection)
        )
    }

    /// The peer's IP address as text, or an empty string when libmicrohttpd has none.
    static func remoteAddress(of connection: OpaquePointer) -> String {
        guard let address = ledgerport_mhd_client_address(connection) else {
            return ""
        }
        let family = Int32(address.pointee.sa_family)
        guard family == AF_INET || family == AF_INET6 else {
            return ""
        }
        // Written straight into the string's storage: this runs for every request, webhooks included.
        return String(unsafeUninitializedCapacity: Int(INET6_ADDRSTRLEN)) { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                let written: UnsafePointer<CChar>?
                if family == AF_INET {
                    written = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                        var bytes = ipv4.pointee.sin_addr
                        return inet_ntop(AF_INET, &bytes, text.baseAddress, socklen_t(text.count))
                    }
                } else {
                    written = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                        var bytes = ipv6.pointee.sin6_addr
                        return inet_ntop(AF_INET6, &bytes, text.baseAddress, socklen_t(text.count))
                    }
                }
                return written == nil ? 0 : strlen(text.baseAddress!)
            }
        }
    }

    private final class Collector {
        var fields: [(name: String, value: String)] = []
    }

    private static func values(of connection: OpaquePointer, kind: MHD_ValueKind) -> [(name: String, value: String)] {
        let collector = Collector()
        let iterator: MHD_KeyValueIterator = { context, _, key, value in
            guard let context, let key else {
                return .YES
            }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            collector.fields.append((name: String(cString: key), value: value.map { String(cString: $0) } ?? ""))
            return .YES
        }
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(connection, kind, iterator, Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.fields
    }
}
