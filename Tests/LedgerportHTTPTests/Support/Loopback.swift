import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK

/// Starts servers on an ephemeral loopback port and builds client requests for them.
enum Loopback {
    static func startServer(
        _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(), logger: Logger = .disabled,
        handler: HTTPServerHandler
    ) throws -> HTTPServer {
        let server = HTTPServer(configuration: configuration, logger: logger, handler: handler)
        try server.start()
        return server
    }

    static func url(_ server: HTTPServer, _ path: String) -> String {
        "http://127.0.0.1:\(server.port ?? 0)\(path)"
    }

    /// An async handler that returns the request body, its `X-Request-Id` and a `X-Method` field.
    static let echo = HTTPServerHandler.async { request in
        var headers: HTTPHeaders = ["X-Method": request.method]
        if let id = request.headers["X-Request-Id"] {
            headers.add(name: "X-Request-Id", value: id)
        }
        return HTTPServerResponse(status: 200, headers: headers, body: request.body)
    }
}
