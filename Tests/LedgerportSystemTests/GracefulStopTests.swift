import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import LedgerportStoreSQLite
import Testing

/// Stopping the runtime lets the deliveries in flight finish instead of interrupting them.
@Suite(.serialized) struct GracefulStopTests {
    @Test func stop_finishesDeliveriesInFlight() async throws {
        let harness = try await SystemHarness.start(deliveryWorkers: 4, maximumInFlightPerTenant: 4, deliveryBatchSize: 25)
        defer { Task { await harness.stop() } }
        let tenant = harness.tenant.tenant.id
        for index in 0..<200 {
            _ = try await harness.post(try StripeBodies.newCustomer(index, prefix: "stop"))
        }
        _ = try await harness.delivery(through: "stripe-customer-to-odoo") { $0.state != .pending }

        await harness.stopRuntime()
        let reopened = try await SystemHarness.openRuntime(folder: harness.folder)
        defer { Task { await reopened.store.close() } }
        var interrupted: [String] = []
        var after: DeliveryID?
        while true {
            let page = try await reopened.store.deliveries(tenant: tenant, state: nil, after: after, limit: 100)
            guard let last = page.last else { break }
            for delivery in page where delivery.attemptCount > 0 {
                let attempts = try await reopened.store.deliveryAttempts(delivery: delivery.id, tenant: tenant)
                interrupted += attempts.compactMap { $0.error?.code }.filter { $0 == "cancelled" }.map { _ in "\(delivery.id)" }
            }
            after = last.id
        }

        #expect(interrupted.isEmpty, "deliveries interrupted by the stop: \(interrupted)")
    }
}
