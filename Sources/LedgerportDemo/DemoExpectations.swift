import Foundation
import LedgerportMapping
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// What Odoo should hold after the demo, computed from the source events alone.
///
/// Every distinct event is translated by the Stripe connector; each object's
/// newest state (highest ordering version) is mapped by the flow's active
/// mapping version, exactly as a delivery would map it. The operations give
/// the records to read back and the source's amounts per currency.
struct DemoExpectations: Sendable {
    /// One record the operations create in Odoo, with the amount the source gives it.
    struct Record: Sendable {
        let reference: TargetReference
        let kind: Kind
        /// The source's amount: an invoice's total, a payment's amount, a credit's total.
        let amount: Money?
        /// The id of the source event whose state produces the record (Stripe's `evt_...`).
        let sourceEventID: String
    }

    enum Kind: String, Sendable {
        case partner
        case postedInvoice = "posted_invoice"
        case payment
        case creditNote = "credit_note"
        case salesOrder = "sales_order"
        case cancelledSalesOrder = "cancelled_sales_order"
    }

    let records: [Record]

    static func compute(events: [DemoEvents.Event], runtime: Runtime, tenant: DemoTenant) async throws -> DemoExpectations {
        let (_, source) = try await runtime.connectors.source(tenant: tenant.tenant.id, connection: tenant.stripeConnection)
        var newest: [String: CanonicalEvent] = [:]
        var seen = Set<String>()
        for event in events where seen.insert(event.id).inserted {
            let native = NativeEvent(eventID: event.id, eventType: event.type, payload: event.body, receivedAt: runtime.clock.now())
            for canonical in try await source.translate(native) {
                let key = "\(canonical.object.objectType.rawValue):\(canonical.object.id)"
                if let current = newest[key], current.ordering.version > canonical.ordering.version {
                    continue
                }
                newest[key] = canonical
            }
        }

        var mappings = [LedgerportMapping.Mapping]()
        for flow in tenant.flows {
            guard let activation = try await runtime.store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: tenant.tenant.id) else {
                continue
            }
            mappings.append(try await runtime.mappings.mapping(activation.mapping, tenant: tenant.tenant.id))
        }
        let context = EvaluationContext(tenantID: tenant.tenant.slug, timeZone: TimeZone(identifier: tenant.tenant.timeZone) ?? .gmt)
        var operations = [(operation: TargetOperation, eventID: String)]()
        for event in newest.values.sorted(by: { $0.id < $1.id }) {
            for mapping in mappings where mapping.handles(event) {
                // An event a mapping rejects is parked by the runtime too; it then has no expected record.
                let produced = (try? MappingEvaluator.evaluate(mapping, event: event, context: context)) ?? []
                operations += produced.map { ($0, event.id) }
            }
        }
        return DemoExpectations(records: records(from: operations))
    }

    private static func records(from operations: [(operation: TargetOperation, eventID: String)]) -> [Record] {
        let posted = Set(operations.filter { $0.operation.action == .post }.map(\.operation.reference))
        let cancelledOrders = Set(operations.filter { $0.operation.model == "sale.order" && $0.operation.action == .cancel }.map(\.operation.reference))
        var records: [TargetReference: Record] = [:]
        for (operation, eventID) in operations {
            switch (operation.model, operation.action) {
            case ("res.partner", .upsert):
                records[operation.reference] = Record(reference: operation.reference, kind: .partner, amount: nil, sourceEventID: eventID)
            case ("account.move", .upsert) where posted.contains(operation.reference):
                let total = operation.expectations.first { $0.field == "amount_total" }?.expected
                records[operation.reference] = Record(reference: operation.reference, kind: .postedInvoice, amount: total, sourceEventID: eventID)
            case ("account.payment", .registerPayment):
                records[operation.reference] = Record(
                    reference: operation.reference, kind: .payment, amount: operation.values["amount"]?.moneyValues.first, sourceEventID: eventID
                )
            case ("sale.order", .confirmOrder), ("sale.order", .cancel):
                let kind: Kind = cancelledOrders.contains(operation.reference) ? .cancelledSalesOrder : .salesOrder
                records[operation.reference] = Record(reference: operation.reference, kind: kind, amount: nil, sourceEventID: eventID)
            case ("account.move", .reverse):
                let amount = operation.values["amount"]?.moneyValues.first ?? operation.expectations.first { $0.field == "amount_total" }?.expected
                records[operation.reference] = Record(reference: operation.reference, kind: .creditNote, amount: amount, sourceEventID: eventID)
            default:
                continue
            }
        }
        return records.values.sorted { $0.reference.description < $1.reference.description }
    }
}
