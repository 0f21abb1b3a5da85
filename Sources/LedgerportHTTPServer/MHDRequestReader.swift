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
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                var bytes = ipv4.pointee.sin_addr
                _ = inet_ntop(AF_INET, &bytes, &text, socklen_t(text.count))
            }
        case AF_INET6:
            address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                var bytes = ipv6.pointee.sin6_addr
                _ = inet_ntop(AF_INET6, &bytes, &text, socklen_t(text.count))
            }
        default:
            return ""
        }
        let length = text.firstIndex(of: 0) ?? text.count
        return String(decoding: text[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
