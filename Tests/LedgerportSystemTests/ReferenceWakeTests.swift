import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// A payment that arrived before its invoice runs again as soon as the invoice is written, not after its backoff.
@Suite(.serialized) struct ReferenceWakeTests {
    /// Retries 30 s apart: the test waits 15 s at most, so only the wake can deliver the payment in time.
    private let slowRetries = RetryPolicy(maximumAttempts: 5, initialDelaySeconds: 30, multiplier: 1, maximumDelaySeconds: 30, jitter: 0)

    @Test func payment_runsOnceItsInvoiceIsWritten() async throws {
        let harness = try await SystemHarness.start(retryPolicy: slowRetries)
        defer { Task { await harness.stop() } }
        let tenant = harness.tenant.tenant.id

        _ = try await harness.post(StripeBodies.file("008-customer.created.json"))
        _ = try await harness.post(StripeBodies.file("011-payment_intent.succeeded.json"))
        let failed = try await harness.delivery(through: "stripe-payment-to-odoo", timeoutSeconds: 15) { $0.attemptCount >= 1 }
        _ = try await harness.post(StripeBodies.file("010-invoice.created.json"))
        try await harness.waitForDeliveries(timeoutSeconds: 15)
        let payment = try await harness.runtime.store.delivery(failed.id, tenant: tenant)

        #expect(failed.state == .pending)
        #expect(failed.lastError?.contains("does not exist in Odoo yet") == true)
        #expect(payment.state == .delivered)
        #expect(payment.attemptCount == 2)
        #expect(try await harness.odooCount("account.payment", []) == 1)
    }

}
