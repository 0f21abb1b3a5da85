import Foundation
import LedgerportSDK
import Testing

@Suite(.serialized) struct RateLimitTests {
    @Test func targetRequestBudget_holdsAcrossDeliveries() async throws {
        // Time passes only when the runtime waits for its budget, so the waits can be checked exactly.
        let clock = ManualClock(Date())
        // Batches of at most 2 deliveries make the 10 customers take at least 5 requests, more than the burst.
        let harness = try await SystemHarness.start(
            clock: clock, odooConfiguration: ["max_requests_per_second": 2, "max_concurrent_requests": 1], deliveryBatchSize: 2
        )
        defer { Task { await harness.stop() } }
        let start = clock.now()

        let customers = 10
        for index in 0..<customers {
            _ = try await harness.post(try StripeBodies.newCustomer(index, prefix: "rate"))
        }
        try await harness.waitForDeliveries()

        let elapsed = clock.now().timeIntervalSince(start)
        let partners = try await harness.odooCount("res.partner", [["email", "like", "@system-test.example"]])
        let requests = harness.runtime.metrics.value(
            "ledgerport_target_requests_total", labels: ["tenant": harness.tenant.tenant.slug, "connection": harness.tenant.odooConnection.rawValue]
        )
        #expect(partners == customers)
        #expect(requests >= Double(customers) / 2)
        // A bucket of 2 requests per second with a burst of 2 lets through at most 2 + 2 × elapsed requests.
        #expect(requests <= 2 + 2 * elapsed)
        #expect(!clock.sleeps.isEmpty)
    }
}
