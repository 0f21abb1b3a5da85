import Foundation
import LedgerportSDK

/// The outcome of a demo run, as printed: what was received, delivered and parked, and what Odoo holds.
package struct DemoSummary: Sendable {
    /// One parked delivery with its classified reason.
    package struct Parked: Sendable {
        package let flow: String
        package let reason: String
        package let code: String
        package let message: String
        package let targetMessage: String?
        package let correlationID: String
    }

    /// The source's and Odoo's total of one kind of record in one currency.
    package struct Total: Sendable {
        package let kind: String
        package let currency: CurrencyCode
        package let source: Money
        package let odoo: Money
        package var matches: Bool { source == odoo }
    }

    package var requestsSent = 0
    package var requestsRejected = 0
    package var eventsReceived = 0
    package var eventsDuplicate = 0
    package var deliveriesDelivered = 0
    package var deliveriesParked = 0
    package var deliveriesOpen = 0
    /// Failed attempts that were tried again and then succeeded, such as a payment that arrived before its invoice.
    package var retries = 0
    package var parked: [Parked] = []
    package var changeRequestsApplied = 0
    package var odooPartners = 0
    package var odooInvoicesPosted = 0
    package var odooPayments = 0
    package var odooCreditNotes = 0
    /// Confirmed sales orders of subscriptions in force, and cancelled ones of subscriptions that ended.
    package var odooSalesOrders = 0
    package var odooSalesOrdersCancelled = 0
    /// Sales orders whose state in Odoo differs from the subscription's (in force but cancelled, or the reverse).
    package var salesOrderStateMismatches: [String] = []
    /// Stored events that no flow takes, by native event type, such as catalogue events no default mapping reads.
    package var eventsWithoutFlow: [String: Int] = [:]
    /// Expected records that Odoo does not hold and no parked delivery explains, as `model/external_id`.
    package var missingRecords: [String] = []
    /// Records Odoo does not hold because their delivery is parked for review, with the source amount.
    package var heldForReview: [(record: String, amount: Money?)] = []
    package var totals: [Total] = []
    package var odooURL = ""
    /// Whether the demo started its own Odoo sandbox, which stops when the demo ends.
    package var odooIsSandbox = false
    package var dataDirectory: String?

    /// Creates an empty summary, which a run fills in.
    package init() {}

    /// Whether every delivered total matches and every record Odoo lacks is held in a parked delivery.
    package var totalsMatch: Bool {
        totals.allSatisfy(\.matches) && missingRecords.isEmpty && salesOrderStateMismatches.isEmpty
    }

    /// The summary as one JSON object.
    package var json: JSONValue {
        var object: JSONObject = [
            "requests_sent": .number(JSONNumber(requestsSent)),
            "requests_rejected": .number(JSONNumber(requestsRejected)),
            "events_received": .number(JSONNumber(eventsReceived)),
            "events_duplicate": .number(JSONNumber(eventsDuplicate)),
            "deliveries_delivered": .number(JSONNumber(deliveriesDelivered)),
            "deliveries_parked": .number(JSONNumber(deliveriesParked)),
            "deliveries_open": .number(JSONNumber(deliveriesOpen)),
            "deliveries_retried_attempts": .number(JSONNumber(retries)),
            "change_requests_applied": .number(JSONNumber(changeRequestsApplied)),
            "odoo_partners": .number(JSONNumber(odooPartners)),
            "odoo_invoices_posted": .number(JSONNumber(odooInvoicesPosted)),
            "odoo_payments": .number(JSONNumber(odooPayments)),
            "odoo_credit_notes": .number(JSONNumber(odooCreditNotes)),
            "odoo_sales_orders": .number(JSONNumber(odooSalesOrders)),
            "odoo_sales_orders_cancelled": .number(JSONNumber(odooSalesOrdersCancelled)),
            "sales_order_state_mismatches": .array(salesOrderStateMismatches.map(JSONValue.string)),
            "events_without_flow": .object(eventsWithoutFlow.mapValues { .number(JSONNumber($0)) }),
            "missing_records": .array(missingRecords.map(JSONValue.string)),
            "held_for_review": .array(heldForReview.map { held in
                [
                    "record": .string(held.record),
                    "amount": held.amount.flatMap { try? $0.decimalString() }.map(JSONValue.string) ?? .null,
                    "currency": held.amount.map { .string($0.currency.rawValue) } ?? .null,
                ]
            }),
            "totals_match": .bool(totalsMatch),
            "odoo_url": .string(odooURL),
        ]
        object["parked"] = .array(parked.map { item in
            [
                "flow": .string(item.flow), "reason": .string(item.reason), "code": .string(item.code), "message": .string(item.message),
                "target_message": item.targetMessage.map(JSONValue.string) ?? .null, "correlation_id": .string(item.correlationID),
            ]
        })
        object["totals"] = .array(totals.map { total in
            [
                "kind": .string(total.kind), "currency": .string(total.currency.rawValue),
                "source": .string((try? total.source.decimalString()) ?? String(total.source.minorUnits)),
                "odoo": .string((try? total.odoo.decimalString()) ?? String(total.odoo.minorUnits)),
                "match": .bool(total.matches),
            ]
        })
        object["data_dir"] = dataDirectory.map(JSONValue.string) ?? .null
        return .object(object)
    }
}
