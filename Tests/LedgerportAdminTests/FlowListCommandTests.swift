import LedgerportSDK
import LedgerportStore
import Testing

/// `ledgerport flow list` names the mapping version in force of each flow, as `GET /admin/tenants/{tenant}/flows` does.
@Suite(.serialized)
struct FlowListCommandTests {
    /// Stores a flow of the mapping stripe-drafts, which has no version, so none is in force.
    private func createDraftsFlow(_ harness: AdminTestHarness, _ tenant: ProvisionedTenant) async throws {
        let store = harness.runtime.store
        let drafts = MappingID(rawValue: "stripe-drafts")
        _ = try await store.createMapping(id: drafts, displayName: "Drafts", tenant: tenant.tenant.id, actor: AdminTestHarness.proposer)
        _ = try await store.createFlow(
            NewFlow(
                id: FlowID(rawValue: "stripe-drafts"), environment: .production, sourceConnectionID: ConnectionID(rawValue: "stripe-main"),
                targetConnectionID: ConnectionID(rawValue: "odoo-main"), mappingID: drafts, nativeEventTypes: ["customer.created"],
                retryPolicy: [:]),
            tenant: tenant.tenant.id, actor: AdminTestHarness.proposer)
    }

    @Test func listJSON_namesVersionInForce() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            try await createDraftsFlow(harness, acme)

            let outcome = await harness.runCommand(["flow", "list", "--tenant", "acme", "--json"])
            let flows = try JSONParser.parse(outcome.output)["flows"]?.arrayValue ?? []
            let byID = Dictionary(uniqueKeysWithValues: flows.compactMap { flow in flow["id"]?.stringValue.map { ($0, flow) } })

            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(byID["stripe-customers"]?["mapping_version_in_force"] == 1)
            #expect(byID["stripe-drafts"]?["mapping_version_in_force"] == .null)
        }
    }

    @Test func listJSON_matchesFlowsRoute() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let outcome = await harness.runCommand(["flow", "list", "--tenant", "acme", "--json"])
            let command = try JSONParser.parse(outcome.output)["flows"]?.arrayValue?.first
            let route = try await harness.request("GET", "\(acme.path)/flows", token: viewer).json["flows"]?.arrayValue?.first

            #expect(command?.objectValue.map { Set($0.keys) } == route?.objectValue.map { Set($0.keys) })
            #expect(command?["mapping_version_in_force"] == route?["mapping_version_in_force"])
        }
    }

    @Test func listTable_showsMappingAtVersion() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            try await createDraftsFlow(harness, acme)

            let outcome = await harness.runCommand(["flow", "list", "--tenant", "acme"])
            let lines = outcome.output.split(separator: "\n").map(String.init)

            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(lines.first?.contains(" MAPPING ") == true)
            let customers = lines.first { $0.hasPrefix("stripe-customers ") } ?? ""
            let drafts = lines.first { $0.hasPrefix("stripe-drafts ") } ?? ""
            #expect(customers.contains(" stripe-customers@1 "), "\(outcome.output)")
            #expect(drafts.contains(" stripe-drafts@- "), "\(outcome.output)")
        }
    }
}
