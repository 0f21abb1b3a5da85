import LedgerportSDK

/// Translates one Stripe invoice line into a ``CanonicalInvoice/Line``.
///
/// Proration lines keep their sign (a credit for unused time is negative),
/// discounts stay per line in ``CanonicalInvoice/Line/discountAmounts``, and
/// each tax keeps Stripe's `inclusive` flag so a mapping can book
/// price-included and added taxes differently.
enum StripeInvoiceLineTranslator {
    static func line(_ line: StripeObject, currency: CurrencyCode) throws(ConnectorError) -> CanonicalInvoice.Line {
        let price = StripePrice(of: line)
        return CanonicalInvoice.Line(
            id: try line.requireID(),
            description: line.string("description"),
            productID: price?.productID,
            priceID: price?.id,
            subscriptionItemID: line.reference("subscription_item"),
            quantity: ExactDecimal(line.integer("quantity") ?? 1),
            unitAmountMinor: try price.flatMap { (price) throws(ConnectorError) in try unitAmountMinor(price, currency: currency) },
            amount: try line.requireMoney("amount", currency: currency),
            discountAmounts: try line.elements("discount_amounts").map { (discount) throws(ConnectorError) in
                try discount.requireMoney("amount", currency: currency)
            },
            taxes: try line.elements("tax_amounts").map { (tax) throws(ConnectorError) in try self.tax(tax, currency: currency) },
            proration: line.bool("proration") ?? false,
            period: line.object("period").flatMap { period in
                guard let start = period.date("start"), let end = period.date("end") else { return nil }
                return ServicePeriod(start: start, end: end)
            }
        )
    }

    /// Translates a tax amount whose `tax_rate` is the rate's id, or the expanded rate with its name and percentage.
    static func tax(_ tax: StripeObject, currency: CurrencyCode) throws(ConnectorError) -> TaxAmount {
        guard let rateID = tax.reference("tax_rate") else {
            throw tax.missing("tax_rate", expected: "the id of the tax rate")
        }
        let rate = tax.object("tax_rate")
        return TaxAmount(
            taxCode: rateID,
            displayName: rate?.string("display_name"),
            percentage: rate?.json["percentage"]?.numberValue?.decimal,
            inclusive: try requireInclusive(tax, rate: rate),
            amount: try tax.requireMoney("amount", currency: currency),
            jurisdiction: rate?.string("jurisdiction")
        )
    }

    private static func requireInclusive(_ tax: StripeObject, rate: StripeObject?) throws(ConnectorError) -> Bool {
        guard let inclusive = tax.bool("inclusive") ?? rate?.bool("inclusive") else {
            throw tax.missing("inclusive", expected: "whether the tax is included in the line amount")
        }
        return inclusive
    }

    /// Converts the per-unit price to canonical (ISO 4217) minor units, keeping sub-unit digits.
    private static func unitAmountMinor(_ price: StripePrice, currency: CurrencyCode) throws(ConnectorError) -> ExactDecimal? {
        guard let stripeMinor = price.unitAmountDecimal ?? price.unitAmount.map({ ExactDecimal($0) }) else { return nil }
        guard let stripeExponent = StripeCurrencyTable.stripe.exponent(of: currency),
            let isoExponent = CurrencyExponentTable.iso4217.exponent(of: currency)
        else {
            throw price.object.invalid("currency", value: currency.rawValue, expected: "a currency in the Stripe exponent table")
        }
        // Moving from Stripe's exponent to ISO's shifts the decimal point by their difference.
        return ExactDecimal(significand: stripeMinor.significand, scale: stripeMinor.scale + stripeExponent - isoExponent).normalized()
    }
}
