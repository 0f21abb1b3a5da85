import Foundation
import LedgerportCommands
import LedgerportRuntime
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore
import Testing

/// Reading and verifying the audit log over the admin API and with `ledgerport audit`.
@Suite(.serialized)
struct AuditLogTests {
    /// Runs `ledgerport <arguments>` on the harness's data folder.
    private func run(_ harness: AdminTestHarness, _ arguments: [String]) async -> (status: Int32, output: String, error: String) {
        let output = CapturedOutput()
        let error = CapturedOutput()
        let context = CommandContext(
            standardOutput: output, standardError: error, environment: ["LEDGERPORT_DATA_DIR": harness.folder + "/runtime", "USER": "tester"],
            currentDirectory: harness.folder, executablePath: nil
        )
        let status = await CommandRunner(root: LedgerportCommand.self).run(arguments, context: context)
        return (status.rawValue, output.text, error.text)
    }

    /// Changes the details of entry `sequence` of a tenant's chain behind the store's back, dropping the trigger that forbids it.
    private func tamper(_ harness: AdminTestHarness, tenant: TenantID, sequence: Int64) async throws {
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: harness.folder + "/runtime/ledgerport.sqlite", readerCount: 1))
        do {
            try await pool.writeWithoutTransaction { connection in
                try connection.executeScript(
                    """
                    DROP TRIGGER audit_log_reject_update;
                    UPDATE audit_log SET details_json = '{"tampered":true}' WHERE tenant_id = '\(tenant.rawValue)' AND sequence = \(sequence);
                    """)
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }

    @Test func tenantAudit_listsEntriesInPagesForViewers() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let stored = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 1_000)

            let first = try await harness.request("GET", "\(acme.path)/audit?limit=2", token: viewer)
            let cursor = try #require(first.json["next_after"]?.int64Value)
            let second = try await harness.request("GET", "\(acme.path)/audit?after=\(cursor)&limit=500", token: viewer)

            #expect(first.status == 200)
            #expect(first.json["entries"]?.arrayValue?.count == 2)
            #expect(first.json["entries"]?[0]?["sequence"] == 1)
            #expect(first.json["entries"]?[0]?["action"] == .string(stored[0].action))
            #expect(first.json["entries"]?[0]?["hash"] == .string(MessageAuthentication.hex(stored[0].hash)))
            #expect(first.json["entries"]?[1]?["previous_hash"] == first.json["entries"]?[0]?["hash"])
            #expect(cursor == 2)
            #expect(second.json["entries"]?.arrayValue?.count == stored.count - 2)
            #expect(second.json["next_after"] == .null)
        }
    }

    @Test func tenantAuditVerify_reportsFirstBrokenEntry() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let count = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 1_000).count

            let intact = try await harness.request("GET", "\(acme.path)/audit/verify", token: viewer)
            try await tamper(harness, tenant: acme.tenant.id, sequence: 3)
            let broken = try await harness.request("GET", "\(acme.path)/audit/verify", token: viewer)

            #expect(intact.status == 200)
            #expect(intact.json["intact"] == true)
            #expect(intact.json["entry_count"] == .number(JSONNumber(Int64(count))))
            #expect(broken.status == 200)
            #expect(broken.json["intact"] == false)
            #expect(broken.json["broken_at"] == 3)
            #expect(broken.json["reason"] == "content_changed")
        }
    }

    @Test func platformAudit_isForOperatorsOnly() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let listed = try await harness.request("GET", "/admin/audit", token: operatorToken)
            let verified = try await harness.request("GET", "/admin/audit/verify", token: operatorToken)
            let denied = try await harness.request("GET", "/admin/audit", token: admin)

            #expect(listed.status == 200)
            #expect(listed.json["entries"]?.arrayValue?.contains { $0["action"] == "api_token.created" } == true)
            #expect(verified.json["intact"] == true)
            #expect(denied.status == 403)
        }
    }

    @Test func auditCommands_listAndVerify() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let table = await run(harness, ["audit", "list", "--tenant", "acme", "--limit", "2"])
            let json = await run(harness, ["audit", "list", "--tenant", "acme", "--after", "1", "--limit", "1", "--json"])
            let intact = await run(harness, ["audit", "verify", "--tenant", "acme"])
            try await tamper(harness, tenant: acme.tenant.id, sequence: 2)
            let broken = await run(harness, ["audit", "verify", "--tenant", "acme"])
            let platform = await run(harness, ["audit", "verify"])

            #expect(table.status == 0)
            #expect(table.output.hasPrefix("SEQ  OCCURRED AT"))
            let lines = table.output.split(separator: "\n")
            #expect(lines.count == 4)
            #expect(lines.last == "2 entries shown, the page's limit; for the next page: ledgerport audit list --tenant acme --after 2 --limit 2")
            let page = try JSONParser.parse(Array(json.output.utf8))
            #expect(page["entries"]?[0]?["sequence"] == 2)
            #expect(page["next_after"] == 2)
            #expect(intact.status == 0)
            #expect(intact.output.hasPrefix(#"the audit chain of tenant "acme" is intact: "#))
            #expect(broken.status == 1)
            #expect(broken.error.contains(#"error: verify the audit chain of tenant "acme": broken at entry 2 (content changed)"#))
            #expect(platform.status == 0)
        }
    }
}
