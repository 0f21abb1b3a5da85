import Foundation
import LedgerportCommands
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// `ledgerport dead-letter` on the data folder of a running runtime, in this process.
@Suite(.serialized)
struct DeadLetterCommandTests {
    private func run(_ harness: AdminTestHarness, _ arguments: [String]) async -> (status: Int32, output: String, error: String) {
        await harness.runCommand(arguments)
    }

    private func parkTwo(_ harness: AdminTestHarness) async throws -> ProvisionedTenant {
        let acme = try await harness.provisionTenant(slug: "acme")
        harness.failNextPartnerCalls(2)
        try await harness.postCustomerCreated(acme, customerID: "cus_C1", eventID: "evt_C1")
        try await harness.postCustomerCreated(acme, customerID: "cus_C2", eventID: "evt_C2")
        try await harness.waitForIdle(acme.tenant.id)
        return acme
    }

    @Test func listAndShow_printDeadLetters() async throws {
        try await withHarness { harness in
            _ = try await parkTwo(harness)

            let table = await run(harness, ["dead-letter", "list", "--tenant", "acme", "--reason", "configuration"])
            let json = await run(harness, ["dead-letter", "list", "--tenant", "acme", "--json"])
            let letters = try JSONParser.parse(Array(json.output.utf8))["dead_letters"]?.arrayValue ?? []
            let id = try #require(letters.first?["id"]?.int64Value)
            let shown = await run(harness, ["dead-letter", "show", String(id), "--tenant", "acme"])

            #expect(table.status == 0)
            #expect(table.output.contains("odoo_access_error"))
            #expect(letters.count == 2)
            #expect(shown.status == 0)
            #expect(shown.output.contains("correlation id: \(letters[0]["correlation_id"]?.stringValue ?? "?")"))
            #expect(shown.output.contains("parked"))
        }
    }

    @Test func list_showsTheEndOfLongCauses() async throws {
        try await withHarness { harness in
            let acme = try await parkTwo(harness)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
            // The table keeps at most 80 characters of a message.
            try #require(letter.message.count > 80, "the parked message is short: \(letter.message)")

            let table = await run(harness, ["dead-letter", "list", "--tenant", "acme"])
            let row = try #require(table.output.split(separator: "\n").first { $0.hasPrefix("\(letter.id) ") })

            // The start keeps the whole "<operation> <object>:", the hint after "; " gives way first, and the
            // rest of the room goes to the end of the cause.
            let subject = try #require(letter.message.range(of: ": "))
            let hint = try #require(letter.message.range(of: "; ", range: subject.upperBound..<letter.message.endIndex))
            let cause = letter.message[..<hint.lowerBound]
            #expect(row.contains(String(letter.message[..<subject.lowerBound]) + ":…"))
            #expect(row.hasSuffix(String(cause.suffix(25)) + "…"), "\(row)")
        }
    }

    @Test func replayAndDiscard_changeTheDeadLetters() async throws {
        try await withHarness { harness in
            let acme = try await parkTwo(harness)
            let letters = try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 10)

            let dryRun = await run(harness, ["dead-letter", "replay", letters[0].id.description, "--tenant", "acme", "--dry-run", "--json"])
            let dryRunText = await run(harness, ["dead-letter", "replay", letters[0].id.description, "--tenant", "acme", "--dry-run"])
            let replayed = await run(harness, ["dead-letter", "replay", letters[0].id.description, "--tenant", "acme"])
            let again = await run(harness, ["dead-letter", "replay", letters[0].id.description, "--tenant", "acme"])
            let missingReason = await run(harness, ["dead-letter", "discard", letters[1].id.description, "--tenant", "acme"])
            let discarded = await run(harness, ["dead-letter", "discard", letters[1].id.description, "--tenant", "acme", "--reason", "test data"])
            // The command dates the replay by the system clock, which is ahead of the runtime's manual clock.
            harness.clock.advance(seconds: 60)
            try await harness.waitForIdle(acme.tenant.id)

            let preview = try JSONParser.parse(Array(dryRun.output.utf8))
            #expect(dryRun.status == 0)
            #expect(preview["dry_runs"]?[0]?["operations"]?[0]?["model"] == "res.partner")
            #expect(replayed.status == 0)
            #expect(again.status == 1)
            #expect(again.error.contains("already replayed"))
            #expect(!again.error.contains("replay dead letter \(letters[0].id): replay dead letter"))
            #expect(again.error.contains("hint: list dead letters with `ledgerport dead-letter list --tenant acme`"), "\(again.error)")
            #expect(dryRunText.output.contains("(active or approved):"))
            #expect(dryRunText.output.contains("  1. upsert res.partner "))
            #expect(dryRunText.output.contains("       name = "))
            #expect(missingReason.status == 64)
            #expect(discarded.status == 0)
            let first = try await harness.runtime.store.delivery(letters[0].deliveryID, tenant: acme.tenant.id)
            let deliveryText = await run(harness, ["delivery", "show", letters[0].deliveryID.description, "--tenant", "acme"])
            let recorded = try await harness.runtime.store.deliveryAttempts(delivery: letters[0].deliveryID, tenant: acme.tenant.id).count
            #expect(deliveryText.output.contains("  attempts:       1 since the last replay (\(recorded) recorded in all)\n"), "\(deliveryText.output)")
            let second = try await harness.runtime.store.deadLetter(letters[1].id, tenant: acme.tenant.id)
            #expect(first.state == .delivered)
            #expect(second.status == .discarded)
            #expect(second.closedBy == "cli:tester")
        }
    }

    @Test func replayByFilterUnderUnapprovedVersion_fails() async throws {
        try await withHarness { harness in
            let acme = try await parkTwo(harness)
            _ = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")

            let outcome = await run(harness, ["dead-letter", "replay", "--tenant", "acme", "--reason", "configuration", "--mapping-version", "2"])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains("neither active nor approved"))
            let parked = try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(status: .parked), after: nil, limit: 10)
            #expect(parked.count == 2)
        }
    }

    @Test func replayUnderVersionAwaitingApproval_namesTheRequest() async throws {
        try await withHarness { harness in
            let acme = try await parkTwo(harness)
            let version = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let workflow = ChangeRequestWorkflow(store: harness.runtime.store)
            let request = try await workflow.proposeActivation(
                of: version.reference, environment: .production, summary: "Activate version 2", evidence: [:],
                tenant: acme.tenant.id, proposer: AdminTestHarness.proposer)
            _ = try await workflow.decide(
                .approve, comment: "Reviewed", reviewer: AdminTestHarness.reviewers[0], request: request.id, tenant: acme.tenant.id)

            let outcome = await run(harness, ["dead-letter", "replay", "--tenant", "acme", "--reason", "configuration", "--mapping-version", "2"])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains("change request \(request.id) proposes it and has 1 approval so far"))
        }
    }

    @Test func tokenCreate_printsAWorkingTokenOnce() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let created = await run(harness, ["token", "create", "--tenant", "acme", "--role", "viewer", "--name", "auditor@acme.example"])
            let token = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let (status, _) = try await harness.request("GET", "\(acme.path)/flows", token: token)
            let listed = await run(harness, ["token", "list", "--tenant", "acme"])

            #expect(created.status == 0)
            #expect(APITokenService.isWellFormed(token))
            #expect(status == 200)
            #expect(listed.output.contains("auditor@acme.example"))
            #expect(!listed.output.contains(token))
        }
    }

    @Test func replayUnknownID_namesItOnceWithHint() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await run(harness, ["dead-letter", "replay", "99", "--tenant", "acme"])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"error: replay dead letter 99 of tenant "acme": not found"#))
            #expect(!outcome.error.contains("read dead letter"))
            #expect(outcome.error.contains("hint: list the parked dead letters with `ledgerport dead-letter list --tenant acme --status parked`"))
        }
    }
}
