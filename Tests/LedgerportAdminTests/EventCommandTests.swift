import LedgerportSDK
import LedgerportStore
import Testing

/// `ledgerport event list` on the data folder of a running runtime, in this process.
@Suite(.serialized)
struct EventCommandTests {
    @Test func list_showsEachEventWithItsCorrelationID() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            try await harness.postCustomerCreated(acme, customerID: "cus_E1", eventID: "evt_E1")
            try await harness.postCustomerCreated(acme, customerID: "cus_E2", eventID: "evt_E2")
            let stored = try await harness.runtime.store.events(tenant: acme.tenant.id, connection: nil, after: nil, limit: 10)

            let table = await harness.runCommand(["event", "list", "--tenant", "acme", "--connection", "stripe-main"])
            let json = await harness.runCommand(["event", "list", "--tenant", "acme", "--after", stored[0].id.description, "--json"])
            let listed = try JSONParser.parse(Array(json.output.utf8))["events"]?.arrayValue ?? []
            let firstPage = await harness.runCommand(["event", "list", "--tenant", "acme", "--limit", "1"])
            let firstPageJSON = try JSONParser.parse(Array(await harness.runCommand(["event", "list", "--tenant", "acme", "--limit", "1", "--json"]).output.utf8))

            #expect(table.status == 0)
            #expect(table.output.hasPrefix("ID  CONNECTION   TYPE"), "\(table.output)")
            #expect(table.output.contains("evt_E1"))
            #expect(table.output.contains(stored[0].correlationID))
            #expect(table.output.contains("kept"))
            #expect(json.status == 0)
            #expect(listed.compactMap { $0["source_event_id"]?.stringValue } == ["evt_E2"])
            #expect(listed.first?["correlation_id"]?.stringValue == stored[1].correlationID)
            #expect(try JSONParser.parse(json.output)["next_after"] == JSONValue.null)
            #expect(firstPage.output.hasSuffix("1 shown, the page's limit; add --after \(stored[0].id) for the next page\n"), "\(firstPage.output)")
            #expect(firstPageJSON["next_after"] == .number(JSONNumber(stored[0].id.rawValue)))
        }
    }

    @Test func list_misspeltConnection_namesTheClosest() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await harness.runCommand(["event", "list", "--tenant", "acme", "--connection", "stripe-mian"])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"list events of connection "stripe-mian": the tenant has no such connection"#), "\(outcome.error)")
            #expect(outcome.error.contains(#"did you mean "stripe-main"?"#), "\(outcome.error)")
        }
    }
}
