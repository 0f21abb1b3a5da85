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
}
