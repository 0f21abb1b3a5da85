import Foundation
import LedgerportDemo
import LedgerportSDK
import LedgerportStore
import Testing

@Suite(.serialized) struct TenantFairnessTests {
    @Test func busyTenants_allProgressWhenWorkersAreFewerThanTenants() async throws {
        // Two workers for three tenants, each with a backlog slowed by its own Odoo budget of 2 requests per second.
        // A turn is one batch, so batches of one delivery make the turns visible in the completion order.
        let budget: JSONObject = ["max_requests_per_second": 2, "max_concurrent_requests": 1]
        let harness = try await SystemHarness.start(
            odooConfiguration: budget, deliveryWorkers: 2, maximumInFlightPerTenant: 2, deliveryBatchSize: 1
        )
        defer { Task { await harness.stop() } }
        let tenants = [harness.tenant, try await harness.provisionTenant("eastwind", odooConfiguration: budget), try await harness.provisionTenant("southwind", odooConfiguration: budget)]

        for index in 0..<12 {
            for (position, tenant) in tenants.enumerated() {
                _ = try await harness.post(try StripeBodies.newCustomer(index, prefix: "fair\(position)x"), to: tenant)
            }
        }
        try await harness.waitForDeliveries(of: tenants)

        var completions = [(time: Date, tenant: TenantID)]()
        for tenant in tenants {
            let delivered = try await harness.runtime.store.deliveries(tenant: tenant.tenant.id, state: .delivered, after: nil, limit: 100)
            #expect(delivered.count == 12)
            completions += delivered.map { ($0.updatedAt, $0.tenantID) }
        }
        let order = completions.sorted { $0.time < $1.time }.map { completion in tenants.firstIndex { $0.tenant.id == completion.tenant } ?? -1 }
        // Served in turn, every tenant finishes a delivery within the first third; a starved one waits for the others' backlogs.
        let firstThird = Set(order.prefix(order.count / 3))
        #expect(firstThird.count == 3, "a tenant waited for another tenant's backlog: \(order)")
    }
}
