import LedgerportSDK

/// Stripe's currency exponents, which differ from ISO 4217 for a few currencies.
///
/// Stripe states every API amount in the currency's "smallest unit", but its
/// unit is not always ISO 4217's minor unit. The overrides below are the
/// currencies where Stripe's exponent and ISO 4217's differ:
///
/// - `ISK`: ISO 4217 gives 0 digits; Stripe keeps ISK a two-decimal currency
///   in the API (an amount of `100` is 1 króna) and, since 14 April 2023,
///   requires multiples of 100. Source: support.stripe.com,
///   "Deprecation of fractional ISK charges and refunds".
/// - `MGA`: ISO 4217 gives 2 digits; Stripe lists it among its zero-decimal
///   currencies. Source: docs.stripe.com/currencies, "Zero-decimal currencies".
///
/// Currencies where both agree need no override. They include the
/// zero-decimal ones (BIF, CLP, DJF, GNF, JPY, KMF, KRW, PYG, RWF, UGX, VND,
/// VUV, XAF, XOF, XPF) and the three-decimal ones (BHD, JOD, KWD, OMR, TND),
/// whose amounts Stripe requires to end in 0. HUF and TWD agree too: Stripe
/// charges them with two decimals and pays them out as whole units
/// (docs.stripe.com/currencies, "Special cases").
///
/// NOTE: Stripe's page lists UGX as zero-decimal, while some third-party
/// integrations describe a two-decimal legacy form for UGX. This table
/// follows Stripe's zero-decimal list; revisit it if Stripe amounts in UGX
/// arrive as multiples of 100.
enum StripeCurrencyTable {
    /// The exponents Stripe's API amounts use.
    static let stripe = CurrencyExponentTable.iso4217.overriding(name: "Stripe", with: [
        "ISK": 2,
        "MGA": 0,
    ])

    /// Converts a Stripe API amount to canonical money in ISO 4217 minor units.
    ///
    /// Throws ``MoneyError/unknownCurrency(_:table:)`` for a currency neither
    /// table lists, and ``MoneyError/tooManyFractionDigits(_:currency:exponent:)``
    /// when the amount has a fraction the ISO exponent cannot represent (such
    /// as 12.34 ISK). It never rounds.
    static func money(stripeAmount: Int64, currency: CurrencyCode) throws(MoneyError) -> Money {
        let amount = Money(minorUnits: stripeAmount, currency: currency)
        guard try stripe.requireExponent(of: currency) != CurrencyExponentTable.iso4217.requireExponent(of: currency) else {
            return amount
        }
        return try amount.converted(from: stripe, to: .iso4217)
    }

    /// Converts canonical money in ISO 4217 minor units to a Stripe API amount.
    static func stripeAmount(of money: Money) throws(MoneyError) -> Int64 {
        try money.converted(from: .iso4217, to: stripe).minorUnits
    }
}
