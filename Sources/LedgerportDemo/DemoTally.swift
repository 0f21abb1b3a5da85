import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// Counts what the runtime did and compares the records in Odoo with the source.
enum DemoTally {
    /// Returns the source event ids of the tenant's parked deliveries.
    static func parkedEventIDs(runtime: Runtime, tenant: DemoTenant) async throws -> Set<String> {
        let letters = try await runtime.store.deadLetters(tenant: tenant.tenant.id, filter: DeadLetterFilter(), after: nil, limit: 1000)
        var ids = Set<String>()
        for letter in letters {
            ids.insert(try await runtime.store.event(letter.eventID, tenant: tenant.tenant.id).sourceEventID)
        }
        return ids
    }

    static func count(runtime: Runtime, tenant: DemoTenant, receipts: [DemoSender.Receipt]) async throws -> DemoSummary {
        var summary = DemoSummary()
        summary.requestsSent = receipts.count
        summary.requestsRejected = receipts.filter { !(200..<300).contains($0.status) }.count
        summary.eventsReceived = receipts.map(\.stored).reduce(0, +)
        summary.eventsDuplicate = receipts.map(\.duplicates).reduce(0, +)
        summary.changeRequestsApplied = tenant.changeRequests.filter { $0.state == .applied }.count

        let store = runtime.store
        let id = tenant.tenant.id
        let delivered = try await deliveries(store, tenant: id, state: .delivered)
        summary.deliveriesDelivered = delivered.count
        summary.retries = delivered.map { max(0, $0.attemptCount - 1) }.reduce(0, +)
        summary.deliveriesParked = try await countDeliveries(store, tenant: id, state: .parked)
        summary.deliveriesOpen = try await countDeliveries(store, tenant: id, state: .pending) + countDeliveries(store, tenant: id, state: .inFlight)
        summary.eventsWithoutFlow = try await eventsWithoutFlow(store, tenant: id)
        let letters = try await store.deadLetters(tenant: id, filter: DeadLetterFilter(), after: nil, limit: 1000)
        summary.parked = letters.map { letter in
            DemoSummary.Parked(
                flow: letter.flowID.rawValue, reason: letter.reason.rawValue, code: letter.errorCode, message: letter.message,
                targetMessage: letter.targetMessage, correlationID: letter.correlationID
            )
        }
        return summary
    }

    /// Compares Odoo's records with the source's; a record missing because its event's delivery is parked counts as held, not missing.
    static func compare(_ readBack: DemoReadBack, parkedEventIDs: Set<String>, into summary: inout DemoSummary) {
        let found = readBack.rows.filter(\.found)
        summary.odooPartners = found.filter { $0.record.kind == .partner }.count
        summary.odooInvoicesPosted = found.filter { $0.record.kind == .postedInvoice && $0.state == "posted" }.count
        summary.odooPayments = found.filter { $0.record.kind == .payment }.count
        summary.odooCreditNotes = found.filter { $0.record.kind == .creditNote }.count
        summary.odooSalesOrders = found.filter { $0.record.kind == .salesOrder && $0.state == "sale" }.count
        summary.odooSalesOrdersCancelled = found.filter { $0.record.kind == .cancelledSalesOrder && $0.state == "cancel" }.count
        summary.salesOrderStateMismatches = found.filter { row in
            (row.record.kind == .salesOrder && row.state != "sale") || (row.record.kind == .cancelledSalesOrder && row.state != "cancel")
        }.map { "\($0.record.reference) is \($0.state ?? "unknown")" }
        let absent = readBack.rows.filter { !$0.found }
        let held = absent.filter { parkedEventIDs.contains($0.record.sourceEventID) }
        summary.heldForReview = held.map { ($0.record.reference.description, $0.record.amount) }
        summary.missingRecords = absent.filter { !parkedEventIDs.contains($0.record.sourceEventID) }.map(\.record.reference.description)

        var totals: [String: (source: Money, odoo: Money)] = [:]
        for row in readBack.rows where row.found || !parkedEventIDs.contains(row.record.sourceEventID) {
            guard let source = row.record.amount else { continue }
            let key = "\(row.record.kind.rawValue) \(source.currency)"
            var entry = totals[key] ?? (Money.zero(source.currency), Money.zero(source.currency))
            entry.source = (try? entry.source + source) ?? entry.source
            if let odoo = row.odooAmount, odoo.currency == source.currency {
                entry.odoo = (try? entry.odoo + odoo) ?? entry.odoo
            }
            totals[key] = entry
        }
        summary.totals = totals.keys.sorted().map { key in
            let parts = key.split(separator: " ")
            let entry = totals[key]!
            return DemoSummary.Total(kind: String(parts[0]), currency: entry.source.currency, source: entry.source, odoo: entry.odoo)
        }
    }

    /// Counts, by event type, the stored events that have no delivery at all.
    private static func eventsWithoutFlow(_ store: any Store, tenant: TenantID) async throws -> [String: Int] {
        var withDelivery = Set<EventID>()
        for state in DeliveryState.allCases {
            withDelivery.formUnion(try await deliveries(store, tenant: tenant, state: state).map(\.eventID))
        }
        var counts: [String: Int] = [:]
        var after: EventID?
        while true {
            let page = try await store.events(tenant: tenant, connection: nil, after: after, limit: 500)
            for event in page where !withDelivery.contains(event.id) {
                counts[event.eventType, default: 0] += 1
            }
            guard let last = page.last, page.count == 500 else { return counts }
            after = last.id
        }
    }

    private static func countDeliveries(_ store: any Store, tenant: TenantID, state: DeliveryState) async throws -> Int {
        try await deliveries(store, tenant: tenant, state: state).count
    }

    private static func deliveries(_ store: any Store, tenant: TenantID, state: DeliveryState) async throws -> [Delivery] {
        var all = [Delivery]()
        var after: DeliveryID?
        while true {
            let page = try await store.deliveries(tenant: tenant, state: state, after: after, limit: 500)
            all += page
            guard let last = page.last, page.count == 500 else { return all }
            after = last.id
        }
    }
}
