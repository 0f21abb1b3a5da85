import LedgerportSDK

/// Translates a Stripe credit note into a ``CanonicalCreditNote``.
///
/// Amounts stay positive, as Stripe sends them. The tax total is the sum of
/// the note's `tax_amounts`, inclusive and exclusive alike.
enum StripeCreditNoteTranslator {
    static func creditNote(from object: StripeObject) throws(ConnectorError) -> CanonicalCreditNote {
        let currency = try object.requireCurrency()
        guard let invoiceID = object.reference("invoice") else {
            throw object.missing("invoice", expected: "the id of the credited invoice")
        }
        let taxes = try object.elements("tax_amounts").map { (tax) throws(ConnectorError) in
            try StripeInvoiceLineTranslator.tax(tax, currency: currency)
        }
        let taxTotal: Money
        do {
            taxTotal = try Money.sum(taxes.map(\.amount), currency: currency)
        } catch {
            throw ConnectorError.business("stripe_credit_note_totals_inconsistent", "read \(object.subject): \(error)")
        }
        return CanonicalCreditNote(
            id: try object.requireID(), number: object.string("number"), invoiceID: invoiceID,
            customerID: object.reference("customer"),
            status: object.string("status") == "void" ? .void : .issued,
            currency: currency,
            lines: try object.elements("lines").map { (line) throws(ConnectorError) in try self.line(line, currency: currency) },
            subtotal: try object.requireMoney("subtotal", currency: currency),
            taxTotal: taxTotal,
            total: try object.requireMoney("total", currency: currency),
            refundID: object.reference("refund"),
            reason: object.string("reason"),
            memo: object.string("memo"),
            createdAt: try object.requireDate("created"),
            voidedAt: object.date("voided_at"),
            metadata: object.metadata()
        )
    }

    private static func line(_ line: StripeObject, currency: CurrencyCode) throws(ConnectorError) -> CanonicalCreditNote.Line {
        CanonicalCreditNote.Line(
            id: try line.requireID(),
            invoiceLineID: line.reference("invoice_line_item"),
            description: line.string("description"),
            quantity: line.integer("quantity").map { ExactDecimal($0) },
            amount: try line.requireMoney("amount", currency: currency),
            taxes: try line.elements("tax_amounts").map { (tax) throws(ConnectorError) in
                try StripeInvoiceLineTranslator.tax(tax, currency: currency)
            }
        )
    }
}
