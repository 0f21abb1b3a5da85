import Foundation
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// `ledgerport demo` with the `--odoo-*` options, against a separately started sandbox in place of a real Odoo.
@Suite(.serialized) struct ExternalOdooDemoTests {
    private func options(_ sandbox: OdooSandboxServer, key: Secret) -> DemoOptions {
        let odoo = OdooEndpoint(url: sandbox.url, database: sandbox.sandbox.configuration.databaseName, login: "admin", apiKey: key)
        return DemoOptions(odoo: odoo, specsDirectory: Checkout.root + "/connector-specs")
    }

    private func moveCount(_ sandbox: OdooSandboxServer) async throws -> Int? {
        let probe = OdooProbe(url: sandbox.url, database: sandbox.sandbox.configuration.databaseName, transport: CurlHTTPTransport(threadCount: 1))
        return try await probe.call(model: "account.move", method: "search_count", arguments: [[]]).intValue
    }

    @Test func secondRun_stopsBeforeWritingTheMonthAgain() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-external-odoo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sandbox = try await OdooSandboxServer.start(configuration: SandboxConfiguration(), dataFolder: folder, port: 0)
        defer { Task { await sandbox.stop() } }
        let key = try #require(sandbox.sandbox.startupAPIKey)

        let first = try await DemoRun.run(options(sandbox, key: key), environment: [:], logger: .disabled)
        let movesAfterFirst = try await moveCount(sandbox)
        var rejection = ""
        do {
            _ = try await DemoRun.run(options(sandbox, key: key), environment: [:], logger: .disabled)
        } catch {
            rejection = "\(error)"
        }

        #expect(first.totalsMatch)
        #expect(!first.odooIsSandbox)
        #expect(rejection.contains("already contains account.move ledgerport_"), "\(rejection)")
        #expect(rejection.contains("from an earlier demo run"))
        #expect(rejection.contains("pass --allow-repeat"))
        #expect(try await moveCount(sandbox) == movesAfterFirst)
    }

    @Test func wrongAPIKey_failsBeforeAnyWebhook() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-external-odoo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sandbox = try await OdooSandboxServer.start(configuration: SandboxConfiguration(), dataFolder: folder, port: 0)
        defer { Task { await sandbox.stop() } }

        await #expect {
            _ = try await DemoRun.run(options(sandbox, key: Secret("not-the-key")), environment: [:], logger: .disabled)
        } throws: { error in
            "\(error)".contains("odoo_access_denied") || "\(error)".lowercased().contains("access denied")
        }
        #expect(try await moveCount(sandbox) == 0)
    }

    @Test func keptFolderText_withRealOdoo_skipsTheSandboxSteps() {
        var summary = DemoSummary()
        summary.dataDirectory = "/srv/demo"
        summary.odooURL = "https://odoo.example.com"
        summary.odooIsSandbox = false

        let text = summary.text
        #expect(!text.contains("odoo-sandbox"))
        #expect(text.contains("the Odoo connection odoo-main writes into https://odoo.example.com."))
        #expect(text.contains("  1. ledgerport connection rotate-secrets stripe-main"))
        #expect(text.contains("  3. for scheduled flows (backfills)"))
        #expect(!text.contains("  4. "))
    }
}
