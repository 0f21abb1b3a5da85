import Foundation
import LedgerportCommands
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// The person a command records in the audit log: `--as`, then `$LEDGERPORT_ACTOR`, then `cli:$USER`, and email addresses only for governance.
@Suite(.serialized)
struct CommandActorTests {
    /// Runs `ledgerport <arguments>` on the harness's data folder with `environment` added to the data folder, key and specs.
    private func run(_ harness: AdminTestHarness, _ arguments: [String], environment: [String: String]) async -> (status: Int32, output: String, error: String) {
        let output = CapturedOutput()
        let error = CapturedOutput()
        let base = [
            "LEDGERPORT_DATA_DIR": harness.folder + "/runtime", "LEDGERPORT_MASTER_KEY_FILE": harness.folder + "/master.key",
            "LEDGERPORT_SPECS_DIR": AdminTestHarness.specsDirectory,
        ]
        let context = CommandContext(
            standardOutput: output, standardError: error, environment: base.merging(environment) { _, added in added },
            currentDirectory: harness.folder, executablePath: nil
        )
        let status = await CommandRunner(root: LedgerportCommand.self).run(arguments, context: context)
        return (status.rawValue, output.text, error.text)
    }

    private func parkOne(_ harness: AdminTestHarness) async throws -> (ProvisionedTenant, DeadLetter) {
        let acme = try await harness.provisionTenant(slug: "acme")
        harness.failNextPartnerCalls(1)
        try await harness.postCustomerCreated(acme, customerID: "cus_A1", eventID: "evt_A1")
        try await harness.waitForIdle(acme.tenant.id)
        let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
        return (acme, letter)
    }

    private func lastAuditEntry(_ harness: AdminTestHarness, tenant: TenantID) async throws -> AuditEntry? {
        try await harness.runtime.store.auditEntries(scope: .tenant(tenant), after: 0, limit: 1_000).last
    }

    @Test func discard_recordsTheAsOption() async throws {
        try await withHarness { harness in
            let (acme, letter) = try await parkOne(harness)

            let outcome = await run(
                harness, ["dead-letter", "discard", letter.id.description, "--tenant", "acme", "--reason", "test data", "--as", " Finance@Acme.example"],
                environment: ["USER": "tester"]
            )

            #expect(outcome.status == 0, "\(outcome.error)")
            let closed = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(closed.closedBy == "finance@acme.example")
            #expect(try await lastAuditEntry(harness, tenant: acme.tenant.id)?.actor == "finance@acme.example")
        }
    }

    @Test func replay_recordsLedgerportActor() async throws {
        try await withHarness { harness in
            let (acme, letter) = try await parkOne(harness)

            let outcome = await run(
                harness, ["dead-letter", "replay", letter.id.description, "--tenant", "acme"],
                environment: ["LEDGERPORT_ACTOR": "finance@acme.example", "USER": "tester"]
            )

            #expect(outcome.status == 0, "\(outcome.error)")
            let closed = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(closed.closedBy == "finance@acme.example")
        }
    }

    @Test func flowPause_fallsBackToUser() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let outcome = await run(harness, ["flow", "pause", "stripe-customers", "--tenant", "acme"], environment: ["USER": "tester"])

            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(try await lastAuditEntry(harness, tenant: acme.tenant.id)?.actor == "cli:tester")
        }
    }

    @Test func discard_withoutAnyActorChangesNothing() async throws {
        try await withHarness { harness in
            let (acme, letter) = try await parkOne(harness)

            let outcome = await run(harness, ["dead-letter", "discard", letter.id.description, "--tenant", "acme", "--reason", "test data"], environment: [:])

            #expect(outcome.status == 64)
            #expect(outcome.error.contains("error: missing the person acting: none of --as, $LEDGERPORT_ACTOR and $USER is set"))
            #expect(outcome.error.contains("hint: pass --as EMAIL"))
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func ledgerportActor_mustBeAnEmailAddress() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let outcome = await run(harness, ["flow", "pause", "stripe-customers", "--tenant", "acme"], environment: ["LEDGERPORT_ACTOR": "bob"])

            #expect(outcome.status == 64)
            #expect(outcome.error.contains(#"error: invalid $LEDGERPORT_ACTOR "bob": expected an email address"#))
            let flow = try await harness.runtime.store.flow(AdminTestHarness.customerFlowID, tenant: acme.tenant.id)
            #expect(flow.state == .active)
        }
    }

    @Test func governance_takesLedgerportActorButNotAPlainUser() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let propose = [
                "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", String(newer.version),
                "--summary", "Prefix refs", "--json",
            ]

            let byUser = await run(harness, propose, environment: ["USER": "bob"])
            let byVariable = await run(harness, propose, environment: ["LEDGERPORT_ACTOR": "RevOps@acme.example", "USER": "bob"])

            #expect(byUser.status == 64)
            #expect(byUser.error.contains(#"error: missing the person acting: $USER "bob" is not an email address"#))
            #expect(byVariable.status == 0, "\(byVariable.error)")
            let created = try JSONParser.parse(Array(byVariable.output.utf8))
            #expect(created["change_request"]?["proposed_by"] == "revops@acme.example")
            let requests = try await harness.runtime.store.changeRequests(tenant: acme.tenant.id, state: .open)
            #expect(requests.count == 1)
        }
    }
}
