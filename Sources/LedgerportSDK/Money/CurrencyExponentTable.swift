/// The number of minor-unit digits (the exponent) of each currency a system uses.
///
/// Systems disagree: ISO 4217 gives ISK 0 digits, and some payment providers
/// use their own exponents for a few currencies. Each system therefore has its
/// own table, kept as data; ``iso4217`` is the standard one. A currency that
/// is not in a table is an error, never a guess.
public struct CurrencyExponentTable: Sendable, Hashable {
    /// A short name of the table for error messages, such as `"ISO 4217"`.
    public let name: String
    private let exponents: [CurrencyCode: Int]

    public init(name: String, exponents: [CurrencyCode: Int]) {
        precondition(exponents.values.allSatisfy { (0...4).contains($0) }, "currency exponents range from 0 to 4")
        self.name = name
        self.exponents = exponents
    }

    /// The exponent of `currency`, or nil when this table does not list it.
    public func exponent(of currency: CurrencyCode) -> Int? {
        exponents[currency]
    }

    /// The exponent of `currency`, throwing ``MoneyError/unknownCurrency(_:table:)`` when it is not listed.
    public func requireExponent(of currency: CurrencyCode) throws(MoneyError) -> Int {
        guard let exponent = exponents[currency] else {
            throw .unknownCurrency(currency, table: name)
        }
        return exponent
    }

    /// Every currency in the table, sorted.
    public var currencies: [CurrencyCode] {
        exponents.keys.sorted()
    }

    /// Returns a copy with some exponents replaced, for systems that differ from a base table in a few currencies.
    public func overriding(name: String, with overrides: [CurrencyCode: Int]) -> CurrencyExponentTable {
        CurrencyExponentTable(name: name, exponents: exponents.merging(overrides) { _, new in new })
    }
}
