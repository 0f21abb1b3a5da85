/// An amount of money: an integer count of a currency's minor units.
///
/// `Money(minorUnits: 2900, currency: "EUR")` is 29.00 EUR and
/// `Money(minorUnits: 2900, currency: "JPY")` is 2900 JPY. The exponent
/// comes from a ``CurrencyExponentTable`` at the edges, when converting from
/// or to decimal text; arithmetic never needs it. Every operation is exact:
/// adding different currencies and overflowing throw, and nothing is rounded
/// unless a caller passes a ``RoundingRule``.
///
/// JSON form: `{"minor_units": 2900, "currency": "EUR"}`.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: CurrencyCode) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    enum CodingKeys: String, CodingKey {
        case minorUnits = "minor_units"
        case currency
    }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }

    /// The amount in minor units followed by the currency, such as `2900 EUR (minor units)`.
    ///
    /// Use ``decimalString(in:)`` for the human form, which needs an exponent table.
    public var description: String {
        "\(minorUnits) \(currency) (minor units)"
    }

    public func negated() throws(MoneyError) -> Money {
        guard minorUnits != .min else { throw .overflow(operation: "negate \(self)") }
        return Money(minorUnits: -minorUnits, currency: currency)
    }

    public static func + (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
        try lhs.requireSameCurrency(rhs, operation: "add")
        let (sum, overflow) = lhs.minorUnits.addingReportingOverflow(rhs.minorUnits)
        guard !overflow else { throw .overflow(operation: "add \(lhs) and \(rhs)") }
        return Money(minorUnits: sum, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
        try lhs.requireSameCurrency(rhs, operation: "subtract")
        let (difference, overflow) = lhs.minorUnits.subtractingReportingOverflow(rhs.minorUnits)
        guard !overflow else { throw .overflow(operation: "subtract \(rhs) from \(lhs)") }
        return Money(minorUnits: difference, currency: lhs.currency)
    }

    /// Multiplies by a whole quantity.
    public func multiplied(by quantity: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: quantity)
        guard !overflow else { throw .overflow(operation: "multiply \(self) by \(quantity)") }
        return Money(minorUnits: product, currency: currency)
    }

    /// Multiplies by an exact decimal factor (a fractional quantity or a rate) and rounds to a minor unit.
    public func multiplied(by factor: ExactDecimal, rounding: RoundingRule) throws(MoneyError) -> Money {
        do {
            let product = try ExactDecimal(minorUnits) * factor
            let rounded = try product.rescaled(to: 0, rounding: rounding)
            return Money(minorUnits: rounded.significand, currency: currency)
        } catch .inexact {
            throw .inexact(operation: "multiply \(self) by \(factor)", rounding: rounding)
        } catch {
            throw .overflow(operation: "multiply \(self) by \(factor)")
        }
    }

    /// Adds up amounts that must all be in `currency`; an empty list gives zero.
    public static func sum(_ amounts: some Sequence<Money>, currency: CurrencyCode) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts {
            total = try total + amount
        }
        return total
    }

    private func requireSameCurrency(_ other: Money, operation: String) throws(MoneyError) {
        guard currency == other.currency else {
            throw .currencyMismatch(operation: operation, currency, other.currency)
        }
    }
}
