import Foundation
import LedgerportHTTPClient
import LedgerportLog
import LedgerportOdooSandbox
import LedgerportSDK
@testable import OdooConnector

/// An Odoo sandbox served over real HTTP on 127.0.0.1, with a connector that reaches it through libcurl.
///
/// Each harness has its own in-memory sandbox database, so tests do not see
/// each other's records. The admin API key is fixed, so the connector can be
/// configured before the sandbox starts.
final class SandboxHarness: @unchecked Sendable {
    static let apiKey = "sandbox-test-key-4c1d2e"

    let server: OdooSandboxServer
    var sandbox: OdooSandbox { server.sandbox }
    var url: String { server.url }

    private init(server: OdooSandboxServer) {
        self.server = server
    }

    /// Starts an in-memory sandbox of `version` on a free loopback port.
    static func start(version: OdooVersion = .v17) async throws -> SandboxHarness {
        var configuration = SandboxConfiguration()
        configuration.version = version
        configuration.adminAPIKey = Secret(apiKey)
        configuration.clock = TestConnection.clock
        return SandboxHarness(server: try await OdooSandboxServer.start(configuration: configuration, dataFolder: nil, port: 0))
    }

    func stop() async {
        await server.stop()
    }
    /// A connector for the sandbox's `admin` user with the fixed API key.
    func connector(extra: JSONObject = [:], apiKey: String = SandboxHarness.apiKey) throws -> OdooConnector {
        var values: JSONObject = ["base_url": .string(url), "database": "sandbox", "username": "admin"]
        values.merge(extra) { _, new in new }
        let configuration = ConnectorConfiguration(values: values, secrets: ["api_key": [Secret(apiKey)]])
        return try OdooConnector(configuration: configuration, context: TestConnection.context(CurlHTTPTransport(threadCount: 4)))
    }

    /// Runs a model call as admin directly on the sandbox, for assertions.
    func call(_ model: String, _ method: String, _ args: [JSONValue], _ keywords: JSONObject = [:]) throws -> JSONValue {
        let body: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": ["service": "object", "method": "execute_kw", "args": .array(["sandbox", 2, "admin", .string(model), .string(method), .array(args), .object(keywords)])],
        ]
        let response = sandbox.handle(SandboxRequest(method: "POST", path: "/jsonrpc", headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(body)))
        let parsed = try JSONParser.parse(response.body)
        return parsed["result"] ?? .null
    }

    func count(_ model: String, _ domain: JSONValue) throws -> Int {
        try call(model, "search_count", [domain]).intValue ?? -1
    }
}
