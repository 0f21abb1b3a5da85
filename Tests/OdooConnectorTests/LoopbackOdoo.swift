import Foundation
import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK
@testable import OdooConnector

/// Serves a scripted Odoo over real HTTP on 127.0.0.1, so the connector runs through libcurl and libmicrohttpd.
///
/// Every response carries `Connection: close`, as Odoo's Werkzeug server
/// sends. `delaySeconds` delays each response, to make a client time out.
final class LoopbackOdoo: @unchecked Sendable {
    let server: HTTPServer
    let url: String

    init(_ odoo: ScriptedOdoo, delaySeconds: Double = 0) throws {
        let handler = HTTPServerHandler.async { request in
            if delaySeconds > 0 {
                try await Task.sleep(nanoseconds: UInt64(delaySeconds * 1_000_000_000))
            }
            let forwarded = HTTPRequest(method: request.method, url: "http://127.0.0.1\(request.path)", headers: request.headers, body: request.body)
            let response = try await odoo.send(forwarded)
            var headers = response.headers
            headers.replaceOrAdd(name: "Connection", value: "close")
            return HTTPServerResponse(status: response.status, headers: headers, body: response.body)
        }
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), logger: .disabled, handler: handler)
        try server.start()
        url = "http://127.0.0.1:\(server.port ?? 0)"
    }

    func stop() async {
        await server.stop()
    }

    /// A connector that reaches this server through the libcurl transport.
    func connector(extra: JSONObject = [:]) throws -> OdooConnector {
        try TestConnection.connector(CurlHTTPTransport(threadCount: 4), url: url, extra: extra)
    }
}
