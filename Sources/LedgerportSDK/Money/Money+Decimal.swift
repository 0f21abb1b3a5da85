extension Money {
    /// Creates money from decimal text in major units, such as `"12.345"` KWD.
    ///
    /// The text may have at most as many fraction digits as the currency's
    /// exponent in `table`; `"12.345"` USD throws ``MoneyError/tooManyFractionDigits(_:currency:exponent:)``
    /// instead of silently becoming 12.34 or 12.35. Pass a `rounding` rule to
    /// accept and round longer text on purpose.
    public init(
        decimal text: some StringProtocol, currency: CurrencyCode,
        table: CurrencyExponentTable = .iso4217, rounding: RoundingRule = .unnecessary
    ) throws(MoneyError) {
        guard let value = ExactDecimal(parsing: text) else {
            throw .invalidDecimal(String(text))
        }
        try self.init(decimal: value, currency: currency, table: table, rounding: rounding, originalText: String(text))
    }

    /// Creates money from an exact decimal amount in major units.
    public init(
        decimal value: ExactDecimal, currency: CurrencyCode,
        table: CurrencyExponentTable = .iso4217, rounding: RoundingRule = .unnecessary
    ) throws(MoneyError) {
        try self.init(decimal: value, currency: currency, table: table, rounding: rounding, originalText: value.description)
    }

    private init(
        decimal value: ExactDecimal, currency: CurrencyCode, table: CurrencyExponentTable,
        rounding: RoundingRule, originalText: String
    ) throws(MoneyError) {
        let exponent = try table.requireExponent(of: currency)
        do {
            let scaled = try value.rescaled(to: exponent, rounding: rounding)
            self.init(minorUnits: scaled.significand, currency: currency)
        } catch .inexact {
            throw .tooManyFractionDigits(originalText, currency: currency, exponent: exponent)
        } catch {
            throw .overflow(operation: "convert \"\(originalText)\" \(currency) to minor units")
        }
    }

    /// The amount in major units as an exact decimal with the currency's exponent as its scale.
    public func decimalValue(in table: CurrencyExponentTable = .iso4217) throws(MoneyError) -> ExactDecimal {
        ExactDecimal(significand: minorUnits, scale: try table.requireExponent(of: currency))
    }

    /// The amount as decimal text with exactly the currency's fraction digits: `"29.00"` EUR, `"2900"` JPY, `"12.345"` KWD.
    public func decimalString(in table: CurrencyExponentTable = .iso4217) throws(MoneyError) -> String {
        try decimalValue(in: table).description
    }

    /// The same amount expressed in another system's exponent for this currency.
    ///
    /// Moving to more digits is exact; moving to fewer applies `rounding`
    /// and, with the default ``RoundingRule/unnecessary``, throws when a
    /// non-zero digit would be lost.
    public func converted(
        from source: CurrencyExponentTable, to target: CurrencyExponentTable, rounding: RoundingRule = .unnecessary
    ) throws(MoneyError) -> Money {
        let value = try decimalValue(in: source)
        return try Money(decimal: value, currency: currency, table: target, rounding: rounding)
    }
}
