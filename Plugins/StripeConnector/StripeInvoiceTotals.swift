import LedgerportSDK

/// The totals of a Stripe invoice, read or derived so that they agree with its lines.
///
/// - `taxTotal` is `tax`, else the sum of `total_tax_amounts`, else of the lines' taxes.
/// - `discountTotal` is the sum of `total_discount_amounts`. Payloads without
///   it (2017 versions carry one `discount` object) derive it as
///   `subtotal + exclusive tax - total`, the amount Stripe's `total` subtracted.
/// - `amountRemaining` is `amount_remaining`, else `amount_due - amount_paid`.
///
/// It throws a business error when the derived discount is negative, since
/// that means the totals do not add up.
struct StripeInvoiceTotals {
    let subtotal: Money
    let discountTotal: Money
    let taxTotal: Money
    let total: Money
    let amountDue: Money
    let amountPaid: Money
    let amountRemaining: Money

    init(object: StripeObject, lines: [CanonicalInvoice.Line], currency: CurrencyCode) throws(ConnectorError) {
        subtotal = try object.requireMoney("subtotal", currency: currency)
        total = try object.requireMoney("total", currency: currency)
        amountDue = try object.requireMoney("amount_due", currency: currency)
        amountPaid = try object.money("amount_paid", currency: currency) ?? .zero(currency)

        let invoiceTaxes = try object.elements("total_tax_amounts").map { (tax) throws(ConnectorError) in
            try StripeInvoiceLineTranslator.tax(tax, currency: currency)
        }
        let taxes = object.json["total_tax_amounts"]?.arrayValue != nil ? invoiceTaxes : lines.flatMap(\.taxes)
        if let tax = try object.money("tax", currency: currency) {
            taxTotal = tax
        } else {
            taxTotal = try Self.sum(taxes.map(\.amount), currency, object)
        }
        let exclusiveTax = try Self.sum(taxes.filter { !$0.inclusive }.map(\.amount), currency, object)

        if object.json["total_discount_amounts"]?.arrayValue != nil {
            let discounts = try object.elements("total_discount_amounts").map { (discount) throws(ConnectorError) in
                try discount.requireMoney("amount", currency: currency)
            }
            discountTotal = try Self.sum(discounts, currency, object)
        } else {
            discountTotal = try Self.derivedDiscount(subtotal: subtotal, exclusiveTax: exclusiveTax, total: total, object: object)
        }

        if let remaining = try object.money("amount_remaining", currency: currency) {
            amountRemaining = remaining
        } else {
            let (due, paid) = (amountDue, amountPaid)
            amountRemaining = try Self.arithmetic(object) { () throws(MoneyError) in try due - paid }
        }
    }

    private static func derivedDiscount(subtotal: Money, exclusiveTax: Money, total: Money, object: StripeObject) throws(ConnectorError) -> Money {
        let discount = try arithmetic(object) { () throws(MoneyError) in try subtotal + exclusiveTax - total }
        guard !discount.isNegative else {
            throw ConnectorError.business(
                "stripe_invoice_totals_inconsistent",
                "read \(object.subject): invoice total \(total) exceeds subtotal \(subtotal) plus exclusive tax \(exclusiveTax)",
                hint: "check the invoice in Stripe; it cannot be booked until its totals add up"
            )
        }
        return discount
    }

    private static func sum(_ amounts: [Money], _ currency: CurrencyCode, _ object: StripeObject) throws(ConnectorError) -> Money {
        try arithmetic(object) { () throws(MoneyError) in try Money.sum(amounts, currency: currency) }
    }

    private static func arithmetic(_ object: StripeObject, _ body: () throws(MoneyError) -> Money) throws(ConnectorError) -> Money {
        do {
            return try body()
        } catch {
            throw ConnectorError.business("stripe_invoice_totals_inconsistent", "read \(object.subject): \(error)")
        }
    }
}
