import Foundation
import LedgerportSDK

@testable import LedgerportMapping

/// The localstripe recordings in Fixtures/localstripe-events as canonical events.
///
/// This is a test double of the Stripe connector's translation, limited to the
/// event types the recordings hold and to what the default mappings read. It
/// follows the recorded payloads (API version 2017-08-15) field by field.
// TODO: translate with the Stripe connector once it is on main, and keep this double only for the comparison.
enum RecordedStripeEvents {
    /// Every recorded event that has a canonical counterpart, in arrival order, with its file name.
    static func all() throws -> [(file: String, event: CanonicalEvent)] {
        let folder = TestSupport.fixture("localstripe-events")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("0") }.sorted()
        var events = [(file: String, event: CanonicalEvent)]()
        for name in names {
            let body = try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
            if let event = try translate(body) {
                events.append((name, event))
            }
        }
        return events
    }

    private static let types: [String: CanonicalEventType] = [
        "customer.created": .customerCreated, "customer.updated": .customerUpdated, "customer.deleted": .customerDeleted,
        "invoice.created": .invoiceCreated, "invoice.payment_succeeded": .invoicePaid, "invoice.payment_failed": .invoicePaymentFailed,
        "payment_intent.succeeded": .paymentSucceeded, "payment_intent.payment_failed": .paymentFailed,
        "customer.subscription.created": .subscriptionCreated, "customer.subscription.deleted": .subscriptionCanceled,
    ]

    static func translate(_ body: JSONValue) throws -> CanonicalEvent? {
        let nativeType = body["type"]!.stringValue!
        guard let type = types[nativeType] else { return nil }
        let object = body["data"]!["object"]!
        let value: CanonicalObjectValue = switch type.objectName {
        case "customer": .customer(customer(object, deleted: nativeType == "customer.deleted"))
        case "invoice": .invoice(try invoice(object))
        case "payment": .payment(payment(object))
        default: .subscription(try subscription(object))
        }
        let created = body["created"]!.int64Value!
        return CanonicalEvent(
            id: body["id"]!.stringValue!, type: type, occurredAt: date(body["created"])!,
            source: EventSource(connector: "stripe", connectorVersion: "1.0.0", nativeType: nativeType, apiVersion: body["api_version"]?.stringValue, livemode: false),
            ordering: EventOrdering(key: "\(value.objectType.rawValue):\(value.id)", version: created * 1000),
            object: value
        )
    }

    private static func date(_ value: JSONValue?) -> Date? {
        value?.int64Value.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    private static func money(_ value: JSONValue?, _ currency: CurrencyCode) -> Money {
        Money(minorUnits: value?.int64Value ?? 0, currency: currency)
    }

    private static func customer(_ object: JSONValue, deleted: Bool) -> CanonicalCustomer {
        let address = object["address"]?.objectValue.map { _ in
            PostalAddress(
                line1: object["address"]?["line1"]?.stringValue, city: object["address"]?["city"]?.stringValue,
                postalCode: object["address"]?["postal_code"]?.stringValue, country: object["address"]?["country"]?.stringValue
            )
        }
        return CanonicalCustomer(
            id: object["id"]!.stringValue!, kind: .company, name: object["name"]?.stringValue, email: object["email"]?.stringValue,
            phone: object["phone"]?.stringValue, address: address, currency: object["currency"]?.stringValue.flatMap { CurrencyCode($0) },
            deleted: deleted, createdAt: date(object["created"]),
            metadata: (object["metadata"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        )
    }

    private static func invoice(_ object: JSONValue) throws -> CanonicalInvoice {
        let currency = CurrencyCode(object["currency"]!.stringValue!)!
        let lines = (object["lines"]?["data"]?.arrayValue ?? []).map { line in
            CanonicalInvoice.Line(
                id: line["id"]!.stringValue!, description: line["description"]?.stringValue,
                productID: line["plan"]?["product"]?.stringValue, priceID: line["plan"]?["id"]?.stringValue,
                subscriptionItemID: line["subscription_item"]?.stringValue, quantity: ExactDecimal(line["quantity"]?.int64Value ?? 1),
                amount: money(line["amount"], currency), proration: line["proration"]?.boolValue ?? false,
                period: date(line["period"]?["start"]).flatMap { start in date(line["period"]?["end"]).map { ServicePeriod(start: start, end: $0) } }
            )
        }
        let due = money(object["amount_due"], currency)
        let paid = money(object["amount_paid"], currency)
        return CanonicalInvoice(
            id: object["id"]!.stringValue!, customerID: object["customer"]!.stringValue!, customerEmail: object["customer_email"]?.stringValue,
            subscriptionID: object["subscription"]?.stringValue, status: CanonicalInvoice.Status(rawValue: object["status"]!.stringValue!)!,
            currency: currency, lines: lines, subtotal: money(object["subtotal"], currency), discountTotal: .zero(currency),
            taxTotal: money(object["tax"], currency), total: money(object["total"], currency), amountDue: due, amountPaid: paid,
            amountRemaining: try due - paid, createdAt: date(object["created"])!,
            paidAt: date(object["status_transitions"]?["paid_at"]), periodStart: date(object["period_start"]), periodEnd: date(object["period_end"]),
            billingReason: object["billing_reason"]?.stringValue, attemptCount: object["attempt_count"]?.intValue
        )
    }

    private static func payment(_ object: JSONValue) -> CanonicalPayment {
        let currency = CurrencyCode(object["currency"]!.stringValue!)!
        let status: CanonicalPayment.Status = switch object["status"]?.stringValue {
        case "succeeded": .succeeded
        case "canceled": .canceled
        case "requires_payment_method": .failed
        default: .pending
        }
        return CanonicalPayment(
            id: object["id"]!.stringValue!, invoiceID: object["invoice"]?.stringValue, customerID: object["customer"]?.stringValue,
            amount: money(object["amount"], currency), status: status, chargeID: object["latest_charge"]?["id"]?.stringValue,
            failureCode: object["last_payment_error"]?["code"]?.stringValue, failureMessage: object["last_payment_error"]?["message"]?.stringValue,
            createdAt: date(object["created"])!, paidAt: status == .succeeded ? date(object["latest_charge"]?["created"]) : nil
        )
    }

    private static func subscription(_ object: JSONValue) throws -> CanonicalSubscription {
        let items = (object["items"]?["data"]?.arrayValue ?? []).map { item in
            let plan = item["plan"]!
            let currency = CurrencyCode(plan["currency"]!.stringValue!)!
            return CanonicalSubscription.Item(
                id: item["id"]!.stringValue!, productID: plan["product"]?.stringValue, priceID: plan["id"]?.stringValue,
                description: plan["name"]?.stringValue, quantity: ExactDecimal(item["quantity"]?.int64Value ?? 1),
                unitAmount: money(plan["amount"], currency),
                recurrence: Recurrence(interval: Recurrence.Interval(rawValue: plan["interval"]!.stringValue!)!, intervalCount: plan["interval_count"]?.intValue ?? 1)
            )
        }
        return CanonicalSubscription(
            id: object["id"]!.stringValue!, customerID: object["customer"]!.stringValue!,
            status: CanonicalSubscription.Status(rawValue: object["status"]!.stringValue!)!,
            currency: items.first?.unitAmount.currency ?? "EUR", items: items, startedAt: date(object["start_date"]),
            currentPeriodStart: date(object["current_period_start"]), currentPeriodEnd: date(object["current_period_end"]),
            cancelAtPeriodEnd: object["cancel_at_period_end"]?.boolValue ?? false, canceledAt: date(object["canceled_at"]),
            endedAt: date(object["ended_at"])
        )
    }
}
