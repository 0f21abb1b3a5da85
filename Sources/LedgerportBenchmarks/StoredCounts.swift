import LedgerportDemo
import LedgerportRuntime
import LedgerportStore

/// What a tenant's Stripe connection has stored: events from the runtime's counters, deliveries from the store.
struct StoredCounts {
    /// Events stored for the first time (`ledgerport_events_received_total`).
    var events: Int
    /// Events received again and not stored (`ledgerport_events_duplicate_total`).
    var duplicates: Int
    /// Delivery rows of the tenant, in any state.
    var deliveries: Int

    /// Reads the counters and counts the tenant's deliveries page by page.
    static func read(tenant: DemoTenant, runtime: Runtime) async throws -> StoredCounts {
        let labels: MetricLabels = ["tenant": tenant.tenant.slug, "connection": tenant.stripeConnection.rawValue]
        var deliveries = 0
        var after: DeliveryID?
        while true {
            let page = try await runtime.store.deliveries(tenant: tenant.tenant.id, state: nil, after: after, limit: 10_000)
            deliveries += page.count
            guard let last = page.last else {
                break
            }
            after = last.id
        }
        return StoredCounts(
            events: Int(runtime.metrics.value("ledgerport_events_received_total", labels: labels)),
            duplicates: Int(runtime.metrics.value("ledgerport_events_duplicate_total", labels: labels)),
            deliveries: deliveries
        )
    }
}
