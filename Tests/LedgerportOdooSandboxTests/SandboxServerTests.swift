import Foundation
import LedgerportHTTPClient
import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// The sandbox over real HTTP on 127.0.0.1, with its records in SQLite.
@Suite struct SandboxServerTests {
    private let transport = CurlHTTPTransport(threadCount: 2)

    private func configuration(key: String? = nil) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.clock = ManualClock(SandboxHarness.recordingDay)
        configuration.adminAPIKey = key.map { Secret($0) }
        return configuration
    }

    private func jsonRPC(_ server: OdooSandboxServer, key: String, model: String, method: String, args: JSONValue) async throws -> HTTPResponse {
        let body: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": ["service": "object", "method": "execute_kw", "args": ["sandbox", 2, .string(key), .string(model), .string(method), args]],
        ]
        return try await transport.send(HTTPRequest(
            method: "POST", url: server.url + "/jsonrpc", headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(body)
        ))
    }

    @Test func server_answersOnLoopbackAndClosesConnections() async throws {
        let server = try await OdooSandboxServer.start(configuration: configuration(), dataFolder: nil, port: 0)
        let key = try #require(server.sandbox.startupAPIKey?.revealText())

        let response = try await jsonRPC(server, key: key, model: "res.partner", method: "search_count", args: [[]])
        await server.stop()

        #expect(server.url.hasPrefix("http://127.0.0.1:"))
        #expect(response.status == 200)
        #expect(response.headers["Connection"] == "close")
        #expect(try JSONParser.parse(response.body)["result"]?.intValue != nil)
    }

    @Test func records_surviveRestartFromDataFolder() async throws {
        let folder = try TemporaryFolder()
        let key = "0123456789abcdef0123456789abcdef01234567"
        let first = try await OdooSandboxServer.start(configuration: configuration(key: key), dataFolder: folder.path, port: 0)
        let created = try await jsonRPC(first, key: key, model: "res.partner", method: "create", args: [["name": "Persisted Co"]])
        await first.stop()

        let second = try await OdooSandboxServer.start(configuration: configuration(key: key), dataFolder: folder.path, port: 0)
        let found = try await jsonRPC(second, key: key, model: "res.partner", method: "search_read", args: [[["name", "=", "Persisted Co"]]])
        await second.stop()

        let createdID = try JSONParser.parse(created.body)["result"]
        #expect(createdID?.intValue != nil)
        #expect(try JSONParser.parse(found.body)["result"]?[0]?["id"] == createdID)
        #expect(second.sandbox.startupAPIKey == nil)
    }

    @Test func dataOfAnotherVersion_isRejectedAtStart() async throws {
        let folder = try TemporaryFolder()
        let first = try await OdooSandboxServer.start(configuration: configuration(), dataFolder: folder.path, port: 0)
        await first.stop()
        var newer = configuration()
        newer.version = .v19

        await #expect(throws: SandboxStartupError.self) {
            _ = try await OdooSandboxServer.start(configuration: newer, dataFolder: folder.path, port: 0)
        }
    }
}
