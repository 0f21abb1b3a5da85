import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// The fix in an error names an admin API route when the request came through the API, and a CLI command on the CLI.
@Suite(.serialized)
struct RemedyHintTests {
    private let since = "2020-01-01T00:00:00Z"

    /// Publishes version 1.1.0 of the customer mapping and has the board approve its activation without applying it.
    private func approvedRequest(_ harness: AdminTestHarness, _ tenant: ProvisionedTenant) async throws -> ChangeRequest {
        let newer = try await harness.publishCustomerMapping(tenant: tenant.tenant.id, version: "1.1.0")
        return try await harness.approveAndApply(newer.reference, tenant: tenant.tenant.id, applying: false)
    }

    private func pauseCustomerFlow(_ harness: AdminTestHarness, _ tenant: ProvisionedTenant) async throws {
        _ = try await harness.runtime.store.setFlowState(
            .paused, flow: AdminTestHarness.customerFlowID, tenant: tenant.tenant.id, actor: AdminTestHarness.proposer)
    }

    @Test func pausedFlowRoute_namesResumeRoute() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            try await pauseCustomerFlow(harness, acme)

            let response = try await harness.request(
                "POST", "\(acme.path)/flows/stripe-customers/deliver-stored", token: admin, body: ["since": .string(since)])
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 409)
            #expect(message.contains("the flow is paused, so no delivery through it runs"), "\(message)")
            #expect(message.hasSuffix("; resume it first with POST /admin/tenants/acme/flows/stripe-customers/resume"), "\(message)")
            #expect(!message.contains("ledgerport"), "\(message)")
        }
    }

    @Test func pausedFlowCommand_namesResumeCommand() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            try await pauseCustomerFlow(harness, acme)

            let outcome = await harness.runCommand(["flow", "deliver-stored", "stripe-customers", "--tenant", "acme", "--since", since])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"hint: resume it first with "ledgerport flow resume stripe-customers --tenant acme""#), "\(outcome.error)")
        }
    }

    @Test func approvedRequestDecisionRoute_namesApplyRoute() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let request = try await approvedRequest(harness, acme)
            let board = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: "auditor@acme.example")

            let response = try await harness.request(
                "POST", "\(acme.path)/change-requests/\(request.id)/decisions", token: board, body: ["decision": "approve"])
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 409)
            #expect(message.contains("it is approved already, and only open requests are decided"), "\(message)")
            #expect(
                message.hasSuffix(
                    "; apply it with POST /admin/tenants/acme/change-requests/\(request.id)/apply, "
                        + "or have its proposer withdraw it with POST /admin/tenants/acme/change-requests/\(request.id)/withdraw"),
                "\(message)")
            #expect(!message.contains("ledgerport"), "\(message)")
        }
    }

    @Test func approvedRequestDecisionCommand_namesApplyCommand() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let request = try await approvedRequest(harness, acme)

            let outcome = await harness.runCommand([
                "change-request", "approve", request.id.rawValue, "--tenant", "acme", "--as", "auditor@acme.example",
            ])

            #expect(outcome.status == 1)
            #expect(
                outcome.error.contains(
                    #"apply it with "ledgerport change-request apply \#(request.id) --tenant acme --as <email>", "#
                        + #"or have its proposer withdraw it with "ledgerport change-request withdraw \#(request.id) --tenant acme --as <email>""#),
                "\(outcome.error)")
        }
    }

    @Test func unpublishedVersionRoute_namesVersionsAndPublishRoute() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let response = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customers", "version": 9, "environment": "production", "summary": "Activate"])
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 404)
            #expect(
                message
                    == #"read mapping "stripe-customers" version 9 of tenant "acme": not found; its published versions are 1 to 2; "#
                    + "name one of them, or publish a new version with POST /admin/tenants/acme/mappings/stripe-customers/versions")
        }
    }

    @Test func unpublishedVersionCommand_namesVersions() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await harness.runCommand([
                "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "9",
                "--environment", "production", "--summary", "Activate", "--as", "revops@acme.example",
            ])

            #expect(outcome.status == 1)
            #expect(
                outcome.error.contains(
                    "hint: its only published version is 1; name it, or publish a new version with "
                        + "`ledgerport mapping publish FILE --tenant acme --id stripe-customers`"),
                "\(outcome.error)")
        }
    }

    @Test func unknownIntegerIDRoutes_nameListRoute() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let cases: [(path: String, noun: String)] = [
                ("change-requests/999", "change requests"), ("deliveries/999", "deliveries"), ("dead-letters/999", "dead letters"),
            ]

            for item in cases {
                let response = try await harness.request("GET", "\(acme.path)/\(item.path)", token: viewer)
                let message = response.json["error"]?["message"]?.stringValue ?? ""
                let collection = String(item.path.prefix { $0 != "/" })

                #expect(response.status == 404, "\(item.path)")
                #expect(message.contains(#"of tenant "acme": not found"#), "\(message)")
                #expect(message.hasSuffix("; list \(item.noun) with GET /admin/tenants/acme/\(collection)"), "\(message)")
            }
        }
    }

    @Test func replayOfUnknownDeadLetter_namesListRoute() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let operatorToken = try await harness.token(tenant: acme.tenant.id, role: .financeOperator, name: "finance@acme.example")

            let single = try await harness.request("POST", "\(acme.path)/dead-letters/999/replay", token: operatorToken, body: [:])
            let bulk = try await harness.request("POST", "\(acme.path)/dead-letters/replay", token: operatorToken, body: ["ids": [999]])
            let singleMessage = single.json["error"]?["message"]?.stringValue ?? ""
            let bulkMessage = bulk.json["results"]?[0]?["error"]?["message"]?.stringValue ?? ""

            #expect(single.status == 404)
            for message in [singleMessage, bulkMessage] {
                #expect(message.hasSuffix("; list dead letters with GET /admin/tenants/acme/dead-letters"), "\(message)")
                #expect(!message.contains("ledgerport"), "\(message)")
            }
        }
    }

    @Test func unknownIDCommands_nameListCommand() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")
            let changesFile = harness.folder + "/changes.json"
            try Data(#"{"database": "revops"}"#.utf8).write(to: URL(fileURLWithPath: changesFile))
            let cases: [(arguments: [String], hint: String)] = [
                (["change-request", "show", "999"], "hint: list change requests with `ledgerport change-request list --tenant acme`"),
                (["delivery", "show", "999"], "hint: list deliveries with `ledgerport delivery list --tenant acme`"),
                (["dead-letter", "show", "999"], "hint: list dead letters with `ledgerport dead-letter list --tenant acme`"),
                (["connection", "configure", "odoo-mian", "--config", changesFile], "hint: list connections with `ledgerport connection list --tenant acme`"),
            ]

            for item in cases {
                let outcome = await harness.runCommand(item.arguments + ["--tenant", "acme"])

                #expect(outcome.status == 1, "\(item.arguments)")
                #expect(outcome.error.contains(item.hint), "\(outcome.error)")
                #expect(!outcome.error.contains("/admin/"), "\(outcome.error)")
            }
        }
    }
}
