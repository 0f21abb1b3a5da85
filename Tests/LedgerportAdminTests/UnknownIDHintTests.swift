import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// A misspelt id gets `not_found` naming the closest id, through the CLI and the admin API alike.
@Suite(.serialized)
struct UnknownIDHintTests {
    @Test func flowPauseCommand_namesClosestFlow() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            for verb in ["pause", "resume"] {
                let outcome = await harness.runCommand(["flow", verb, "stripe-customer", "--tenant", "acme"])

                #expect(outcome.status == 1)
                #expect(outcome.error.contains("error: \(verb) flow \"stripe-customer\": the tenant has no such flow"))
                #expect(outcome.error.contains("did you mean \"stripe-customers\"?"))
            }
        }
    }

    @Test func flowPauseRoute_namesClosestFlow() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            for verb in ["pause", "resume"] {
                let response = try await harness.request("POST", "\(acme.path)/flows/stripe-customer/\(verb)", token: admin)
                let message = response.json["error"]?["message"]?.stringValue ?? ""

                #expect(response.status == 404)
                #expect(response.json["error"]?["code"] == "not_found")
                #expect(message.contains("\(verb) flow \"stripe-customer\": the tenant has no such flow"))
                #expect(message.contains("did you mean \"stripe-customers\"?"))
            }
            let flow = try await harness.runtime.store.flow(AdminTestHarness.customerFlowID, tenant: acme.tenant.id)
            #expect(flow.state == .active)
        }
    }

    @Test func flowCreateCommand_namesClosestMapping() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await harness.runCommand([
                "flow", "create", "stripe-more", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
                "--mapping", "stripe-customer", "--environment", "production",
            ])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"create flow "stripe-more" with mapping "stripe-customer": the tenant has no such mapping"#))
            #expect(outcome.error.contains(#"did you mean "stripe-customers"? the tenant's mappings are "stripe-customers""#))
            #expect(!outcome.error.contains("has no version"))
        }
    }

    @Test func flowCreateCommand_versionlessMappingKeepsHint() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.runtime.store.createMapping(
                id: MappingID(rawValue: "stripe-drafts"), displayName: "Drafts", tenant: acme.tenant.id, actor: AdminTestHarness.proposer)

            let outcome = await harness.runCommand([
                "flow", "create", "stripe-more", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
                "--mapping", "stripe-drafts", "--environment", "production",
            ])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"create flow "stripe-more": mapping "stripe-drafts" has no version"#))
            #expect(outcome.error.contains("publish one with"))
        }
    }

    @Test func proposeCommand_namesClosestMapping() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await harness.runCommand([
                "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customer", "--version", "1",
                "--environment", "production", "--summary", "Activate", "--as", "revops@acme.example",
            ])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"propose activating mapping "stripe-customer": the tenant has no such mapping"#))
            #expect(outcome.error.contains(#"did you mean "stripe-customers"?"#))
        }
    }

    @Test func proposeRoute_namesClosestMapping() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let response = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customer", "version": 1, "environment": "production", "summary": "Activate"])
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 404)
            #expect(response.json["error"]?["code"] == "not_found")
            #expect(message.contains(#"propose activating mapping "stripe-customer": the tenant has no such mapping"#))
            #expect(message.contains(#"did you mean "stripe-customers"?"#))
            #expect(!message.contains("publish the version"))
        }
    }
}
