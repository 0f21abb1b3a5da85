import LedgerportSDK

/// Conversions between Ledgerport's exact amounts and the numbers Odoo reads and writes.
///
/// Odoo stores amounts as floats and prints them with Python's shortest
/// round-trip repr (`26.563`, `12.35`), which the SDK's parser keeps as exact
/// decimals. Reading back rounds half-up to the currency's digits, which
/// recovers the stored value; nothing here uses floating point.
enum OdooAmounts {
    /// The JSON number for an exact decimal, such as `12.345`.
    static func json(_ value: ExactDecimal) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// The JSON number for an amount in major units (`29.00` EUR is sent as `29`).
    static func json(_ amount: Money) throws(ConnectorError) -> JSONValue {
        json(try decimal(amount))
    }

    /// An amount in major units, with the ISO 4217 exponent that mappings use for minor units.
    static func decimal(_ amount: Money) throws(ConnectorError) -> ExactDecimal {
        do {
            return try amount.decimalValue(in: .iso4217)
        } catch {
            throw .business("unsupported_currency", "convert amount \(amount): \(error)")
        }
    }

    /// Decimal text for `load` rows, such as `12.345`.
    static func text(_ value: ExactDecimal) -> String {
        value.normalized().description
    }

    /// The exact decimal of a JSON number, or nil for `false`, null and non-numbers.
    static func decimal(_ value: JSONValue?) -> ExactDecimal? {
        value?.numberValue?.decimal
    }

    /// An Odoo amount field as money in `currency`, rounded half-up to the currency's ISO 4217 digits.
    static func money(_ value: JSONValue?, currency: CurrencyCode) -> Money? {
        guard let decimal = decimal(value), let digits = CurrencyExponentTable.iso4217.exponent(of: currency),
            let scaled = try? decimal.rescaled(to: digits, rounding: .halfUp)
        else { return nil }
        return Money(minorUnits: scaled.significand, currency: currency)
    }

    /// Human text for an amount, such as `26.563 KWD`.
    static func describe(_ amount: Money) -> String {
        let text = (try? amount.decimalString(in: .iso4217)) ?? String(amount.minorUnits)
        return "\(text) \(amount.currency)"
    }

    /// The number of digits after the decimal point that `value` needs.
    static func fractionDigits(_ value: ExactDecimal) -> Int {
        max(0, value.normalized().scale)
    }
}
