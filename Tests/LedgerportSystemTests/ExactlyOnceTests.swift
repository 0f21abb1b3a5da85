import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite(.serialized) struct ExactlyOnceTests {
    /// Customer A's first month: customer, invoice and its payment, as in the demo's event files.
    let files = [
        "008-customer.created.json", "009-customer.updated.json", "010-invoice.created.json",
        "011-payment_intent.succeeded.json", "012-invoice.payment_succeeded.json",
    ]

    @Test func duplicatesAndReordering_writeOneInvoiceAndOnePayment() async throws {
        let harness = try await SystemHarness.start()
        defer { Task { await harness.stop() } }

        // The paid invoice and the payment come before the invoice's creation and its customer, and three arrive twice.
        let order = [4, 3, 2, 4, 1, 0, 3, 2]
        var statuses = [Int]()
        for index in order {
            statuses.append(try await harness.post(StripeBodies.file(files[index])).status)
        }
        try await harness.waitForDeliveries()

        #expect(statuses.allSatisfy { $0 == 200 })
        let events = try await harness.runtime.store.events(tenant: harness.tenant.tenant.id, connection: nil, after: nil, limit: 100)
        #expect(events.count == 5)
        #expect(try await harness.odooCount("account.move", [["move_type", "=", "out_invoice"]]) == 1)
        #expect(try await harness.odooCount("account.move", [["move_type", "=", "out_invoice"], ["payment_state", "=", "paid"]]) == 1)
        #expect(try await harness.odooCount("account.payment", []) == 1)
        #expect(try await harness.odooCount("res.partner", [["email", "=", "billing@acme-robotics.example"]]) == 1)
        let parked = try await harness.runtime.store.deliveries(tenant: harness.tenant.tenant.id, state: .parked, after: nil, limit: 10)
        #expect(parked.isEmpty)
    }

    @Test func sameEventReplayedLater_changesNothing() async throws {
        let harness = try await SystemHarness.start()
        defer { Task { await harness.stop() } }
        for file in files {
            _ = try await harness.post(StripeBodies.file(file))
        }
        try await harness.waitForDeliveries()

        let again = try await harness.post(StripeBodies.file(files[4]))
        try await harness.waitForDeliveries()

        let body = try JSONParser.parse(again.body)
        #expect(again.status == 200)
        #expect(body["duplicates"] == 1)
        #expect(body["stored"] == 0)
        #expect(try await harness.odooCount("account.payment", []) == 1)
    }
}
