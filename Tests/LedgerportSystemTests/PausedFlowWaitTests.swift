import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// A payment whose invoice flow is paused waits for it instead of using up its attempts.
@Suite(.serialized) struct PausedFlowWaitTests {
    /// Ten attempts 50 ms apart: without the wait, the payment would park within half a second.
    private let quickRetries = RetryPolicy(maximumAttempts: 10, initialDelaySeconds: 0.05, multiplier: 1, maximumDelaySeconds: 0.05, jitter: 0)

    @Test func payment_waitsForPausedInvoiceFlow() async throws {
        let harness = try await SystemHarness.start(retryPolicy: quickRetries)
        defer { Task { await harness.stop() } }
        let tenant = harness.tenant.tenant.id
        let invoiceFlow = FlowID(rawValue: "stripe-invoice-to-odoo")
        let start = Date().addingTimeInterval(-1)
        _ = try await harness.runtime.store.setFlowState(.paused, flow: invoiceFlow, tenant: tenant, actor: "controller@example.com")
        try await harness.runtime.router.reload()

        for file in ["008-customer.created.json", "010-invoice.created.json", "011-payment_intent.succeeded.json"] {
            _ = try await harness.post(StripeBodies.file(file))
        }
        let waiting = try await harness.delivery(through: "stripe-payment-to-odoo") { $0.attemptCount >= 12 || $0.state == .parked }

        _ = try await harness.runtime.store.setFlowState(.active, flow: invoiceFlow, tenant: tenant, actor: "controller@example.com")
        try await harness.runtime.router.reload()
        let stored = try await StoredEventDeliverer(store: harness.runtime.store, wake: { harness.runtime.engine.wake() })
            .deliver(flow: invoiceFlow, since: start, dryRun: false, tenant: tenant, actor: "controller@example.com")
        try await harness.waitForDeliveries()

        // Read between attempts or during one: either way it is still open, not parked.
        #expect([DeliveryState.pending, .inFlight].contains(waiting.state))
        #expect(waiting.lastError?.contains("flow \"stripe-invoice-to-odoo\" into the same target is paused") == true)
        #expect(stored.delivered == 1)
        #expect(try await harness.odooCount("account.move", [["move_type", "=", "out_invoice"]]) == 1)
        #expect(try await harness.odooCount("account.payment", []) == 1)
        let parked = try await harness.runtime.store.deliveries(tenant: tenant, state: .parked, after: nil, limit: 10)
        #expect(parked.isEmpty, "parked: \(parked.map { "\($0.flowID): \($0.lastError ?? "")" })")
    }

}
