import Foundation
import LedgerportCommands
import LedgerportOdooSandbox
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// `ledgerport delivery list|show` on the data folder of a running runtime, in this process.
@Suite(.serialized)
struct DeliveryCommandTests {
    /// Runs `ledgerport <arguments>` against the harness's data folder.
    private func run(_ harness: AdminTestHarness, _ arguments: [String]) async -> (status: Int32, output: String, error: String) {
        let output = CapturedOutput()
        let error = CapturedOutput()
        let context = CommandContext(
            standardOutput: output, standardError: error,
            environment: ["LEDGERPORT_DATA_DIR": harness.folder + "/runtime", "USER": "tester"],
            currentDirectory: harness.folder, executablePath: nil
        )
        let status = await CommandRunner(root: LedgerportCommand.self).run(arguments, context: context)
        return (status.rawValue, output.text, error.text)
    }

    /// Delivers one customer and parks another, whose partner call fails.
    private func deliverOneParkOne(_ harness: AdminTestHarness) async throws {
        let acme = try await harness.provisionTenant(slug: "acme")
        harness.failNextPartnerCalls(1)
        try await harness.postCustomerCreated(acme, customerID: "cus_D1", eventID: "evt_D1")
        try await harness.waitForIdle(acme.tenant.id)
        try await harness.postCustomerCreated(acme, customerID: "cus_D2", eventID: "evt_D2")
        try await harness.waitForIdle(acme.tenant.id)
    }

    @Test func list_filtersByState() async throws {
        try await withHarness { harness in
            try await deliverOneParkOne(harness)

            let all = await run(harness, ["delivery", "list", "--tenant", "acme", "--json"])
            let parked = await run(harness, ["delivery", "list", "--tenant", "acme", "--state", "parked"])
            let states = (try JSONParser.parse(Array(all.output.utf8))["deliveries"]?.arrayValue ?? []).compactMap { $0["state"]?.stringValue }

            #expect(all.status == 0)
            #expect(states == ["parked", "delivered"])
            #expect(parked.status == 0)
            #expect(parked.output.contains("customer:cus_D1"))
            #expect(!parked.output.contains("customer:cus_D2"))
        }
    }

    @Test func list_namesTheDeliveryAWaitingOneFollows() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            // A transient failure keeps the first delivery pending under backoff; the runtime's manual clock never reaches its retry.
            harness.sandbox.sandbox.injectFault(
                OdooFault(.serializationFailure, "could not serialize access due to concurrent update"), count: 100, model: "res.partner")
            try await harness.postCustomerCreated(acme, customerID: "cus_W1", eventID: "evt_W1")
            var first: Delivery?
            for _ in 0..<400 {
                first = try await harness.runtime.store.deliveries(tenant: acme.tenant.id, state: .pending, after: nil, limit: 1)
                    .first { $0.attemptCount > 0 }
                if first != nil {
                    break
                }
                try await Task.sleep(nanoseconds: 25_000_000)
            }
            let waiting = try #require(first)
            try await harness.postCustomerCreated(acme, customerID: "cus_W1", eventID: "evt_W2")

            let listed = await run(harness, ["delivery", "list", "--tenant", "acme", "--state", "pending"])

            #expect(listed.status == 0)
            let waitingLine = listed.output.split(separator: "\n").map(String.init).last { $0.contains("customer:cus_W1") }
            #expect(waitingLine != nil, "\(listed.output)")
            #expect(waitingLine?.contains("after delivery \(waiting.id)") == true, "\(listed.output)")
        }
    }

    @Test func show_printsEveryAttempt() async throws {
        try await withHarness { harness in
            try await deliverOneParkOne(harness)

            let shown = await run(harness, ["delivery", "show", "1", "--tenant", "acme"])
            let json = await run(harness, ["delivery", "show", "1", "--tenant", "acme", "--json"])
            let attempts = try JSONParser.parse(Array(json.output.utf8))["attempts"]?.arrayValue ?? []

            #expect(shown.status == 0)
            #expect(shown.output.hasPrefix("delivery 1: parked, flow "))
            #expect(shown.output.contains("odoo_access_error"))
            #expect(attempts.map { $0["outcome"]?.stringValue } == ["parked"])
        }
    }

    @Test func unknownDeliveryAndState_areRejected() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let unknown = await run(harness, ["delivery", "show", "999", "--tenant", "acme"])
            let badState = await run(harness, ["delivery", "list", "--tenant", "acme", "--state", "waiting"])

            #expect(unknown.status == 1)
            #expect(unknown.error.contains("999"))
            #expect(badState.status == 64)
            #expect(badState.error.contains("\"waiting\""))
        }
    }

    @Test func show_namesTheDeliveryItWaitsFor() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            // Two changes of one customer; the first is not due for an hour, so the second waits behind it.
            let later = harness.clock.now().addingTimeInterval(3_600)
            let events = [("evt_W1", later), ("evt_W2", harness.clock.now())].map { id, due in
                NewEvent(
                    connectionID: "stripe-main", sourceEventID: id, eventType: "customer.updated", receivedAt: harness.clock.now(),
                    correlationID: "corr-\(id)", body: Array("{\"id\":\"\(id)\"}".utf8), orderingKey: "customer:cus_W",
                    deliveries: [NewDelivery(flowID: AdminTestHarness.customerFlowID, orderingKey: "customer:cus_W", notBefore: due)])
            }
            let stored = try await harness.runtime.store.insertEvents(events, tenant: acme.tenant.id)
            guard case .stored(_, let firstDeliveries) = stored[0], case .stored(_, let secondDeliveries) = stored[1],
                let first = firstDeliveries.first, let second = secondDeliveries.first
            else {
                Issue.record("the events were not stored: \(stored)")
                return
            }

            let printed = await run(harness, ["delivery", "show", String(second.rawValue), "--tenant", "acme"])
            let json = await run(harness, ["delivery", "show", String(second.rawValue), "--tenant", "acme", "--json"])

            #expect(printed.output.contains("waits for:      delivery \(first.rawValue) of the same object (pending"))
            #expect(try JSONParser.parse(Array(json.output.utf8))["held_back_by"]?.int64Value == first.rawValue)
        }
    }

}
