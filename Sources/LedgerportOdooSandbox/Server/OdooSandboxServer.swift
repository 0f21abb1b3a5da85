import Foundation
import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK

/// The Odoo sandbox listening on a loopback port, with its databases in a data folder or in memory.
///
/// ``start(configuration:dataFolder:port:)`` opens (or creates) the databases
/// on the sandbox's worker thread and starts an HTTP server bound to
/// 127.0.0.1 only. Requests reach the sandbox through that one ``SandboxWorker`` thread,
/// so they run one at a time, as on a single-worker Odoo, and SQLite commits
/// never block an HTTP thread or the Swift concurrency pool. Every response
/// carries `Connection: close`, as Odoo's do.
package final class OdooSandboxServer: Sendable {
    /// The address the sandbox binds; it never listens on other interfaces.
    package static let host = "127.0.0.1"

    /// The sandbox behind the server, for its startup key and for tests that inspect it.
    package let sandbox: OdooSandbox
    private let http: HTTPServer
    private let worker: SandboxWorker

    private init(sandbox: OdooSandbox, http: HTTPServer, worker: SandboxWorker) {
        self.sandbox = sandbox
        self.http = http
        self.worker = worker
    }

    /// Opens the sandbox and starts listening on `127.0.0.1:port` (0 picks a free port).
    ///
    /// - Parameter dataFolder: where the SQLite file lives; nil keeps everything in memory.
    /// - Throws: the store's error when the data folder cannot be opened,
    ///   ``SandboxStartupError`` for data of another Odoo version, and
    ///   `HTTPServerError` when the port is taken.
    package static func start(configuration: SandboxConfiguration, dataFolder: String?, port: UInt16) async throws -> OdooSandboxServer {
        let worker = SandboxWorker(name: "odoo-sandbox")
        let sandbox: OdooSandbox
        do {
            sandbox = try await worker.run {
                let store: any SandboxStore = try dataFolder.map { try SQLiteSandboxStore(folder: $0, clock: configuration.clock) }
                    ?? InMemorySandboxStore()
                return try OdooSandbox(configuration: configuration, store: store)
            }
        } catch {
            await worker.stop()
            throw error
        }
        let http = HTTPServer(
            configuration: HTTPServerConfiguration(host: host, port: port, maximumBodyBytes: 64 * 1024 * 1024),
            logger: configuration.logger,
            handler: .immediate { request, responder in
                worker.submit {
                    responder.respond(Self.serverResponse(sandbox.handle(Self.sandboxRequest(request))))
                }
            }
        )
        do {
            try http.start()
        } catch {
            await worker.stop()
            throw error
        }
        return OdooSandboxServer(sandbox: sandbox, http: http, worker: worker)
    }

    /// The port the server listens on.
    package var port: UInt16 {
        http.port ?? 0
    }

    /// The base URL clients use: `http://127.0.0.1:<port>`.
    package var url: String {
        "http://\(Self.host):\(port)"
    }

    /// Stops accepting requests, finishes the ones in progress, then stops the worker.
    package func stop() async {
        await http.stop()
        await worker.stop()
    }

    private static func sandboxRequest(_ request: HTTPServerRequest) -> SandboxRequest {
        var path = request.path
        if !request.query.isEmpty {
            path += "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        }
        return SandboxRequest(method: request.method, path: path, headers: request.headers, body: request.body)
    }

    private static func serverResponse(_ response: SandboxResponse) -> HTTPServerResponse {
        HTTPServerResponse(status: response.status, headers: HTTPHeaders(response.headers), body: response.body)
    }
}
