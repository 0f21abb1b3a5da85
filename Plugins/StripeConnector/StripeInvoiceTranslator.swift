import Foundation
import LedgerportSDK

/// Translates a Stripe invoice into a ``CanonicalInvoice``, fetching lines beyond the first page.
///
/// An invoice payload embeds at most one page of lines (`lines.has_more`
/// is true when there are more); the rest come from
/// `GET /v1/invoices/{id}/lines` through the API client, so the canonical
/// invoice always has every line and its subtotal equals their sum.
struct StripeInvoiceTranslator: Sendable {
    /// The client for fetching further pages of lines.
    let client: StripeAPIClient

    func invoice(from object: StripeObject, updatedAt: Date?) async throws(ConnectorError) -> CanonicalInvoice {
        let id = try object.requireID()
        let currency = try object.requireCurrency()
        let lineObjects = try await allLines(of: object, invoiceID: id)
        let lines = try lineObjects.map { (line) throws(ConnectorError) in try StripeInvoiceLineTranslator.line(line, currency: currency) }
        let totals = try StripeInvoiceTotals(object: object, lines: lines, currency: currency)
        let transitions = object.object("status_transitions")
        guard let customerID = object.reference("customer") else {
            throw object.missing("customer", expected: "the id of the invoiced customer")
        }

        return CanonicalInvoice(
            id: id, number: object.string("number"), customerID: customerID,
            customerEmail: object.string("customer_email"), subscriptionID: object.reference("subscription"),
            status: try Self.status(of: object), currency: currency, lines: lines,
            subtotal: totals.subtotal, discountTotal: totals.discountTotal, taxTotal: totals.taxTotal, total: totals.total,
            amountDue: totals.amountDue, amountPaid: totals.amountPaid, amountRemaining: totals.amountRemaining,
            createdAt: try Self.createdAt(of: object),
            finalizedAt: transitions?.date("finalized_at"), dueAt: object.date("due_date"),
            paidAt: transitions?.date("paid_at"), voidedAt: transitions?.date("voided_at"),
            periodStart: object.date("period_start"), periodEnd: object.date("period_end"),
            billingReason: object.string("billing_reason"), attemptCount: object.integer("attempt_count").map { Int($0) },
            nextPaymentAttempt: object.date("next_payment_attempt"), updatedAt: updatedAt, metadata: object.metadata()
        )
    }

    /// The invoice's `created`, named `date` before API version 2019-03-14.
    static func createdAt(of object: StripeObject) throws(ConnectorError) -> Date {
        if let created = object.date("created") {
            return created
        }
        return try object.requireDate("date")
    }

    /// Reads the invoice's `status`, or derives it from `paid` and `forgiven` in 2017-era payloads without it.
    static func status(of object: StripeObject) throws(ConnectorError) -> CanonicalInvoice.Status {
        guard let text = object.string("status") else {
            if object.bool("paid") == true { return .paid }
            if object.bool("forgiven") == true { return .uncollectible }
            return .open
        }
        guard let status = CanonicalInvoice.Status(rawValue: text) else {
            throw object.invalid("status", value: text, expected: "one of draft, open, paid, void, uncollectible")
        }
        return status
    }

    private func allLines(of object: StripeObject, invoiceID: String) async throws(ConnectorError) -> [StripeObject] {
        var lines = object.elements("lines")
        guard object.object("lines")?.bool("has_more") == true else { return lines }
        guard let lastID = lines.last?.string("id") else {
            throw object.missing("lines.data", expected: "the first page of lines to continue from")
        }
        lines += try await client.listAll("/v1/invoices/\(invoiceID)/lines", startingAfter: lastID)
        return lines
    }
}
