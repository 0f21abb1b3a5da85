/// Why a money operation failed. Each message names the value and how to fix it.
public enum MoneyError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCurrency(CurrencyCode, table: String)
    case invalidDecimal(String)
    case tooManyFractionDigits(String, currency: CurrencyCode, exponent: Int)
    case currencyMismatch(operation: String, CurrencyCode, CurrencyCode)
    case overflow(operation: String)
    case inexact(operation: String, rounding: RoundingRule)

    public var description: String {
        switch self {
        case .unknownCurrency(let code, let table):
            "currency \"\(code)\" is not in the \(table) exponent table; use an ISO 4217 code or add the currency to that table"
        case .invalidDecimal(let text):
            "amount \"\(text)\" is not a decimal number; write it like \"1234.56\""
        case .tooManyFractionDigits(let text, let currency, let exponent):
            "amount \"\(text)\" has more than \(exponent) fraction digits, the exponent of \(currency); round it in the source or pass a rounding rule"
        case .currencyMismatch(let operation, let left, let right):
            "cannot \(operation) amounts in \(left) and \(right); convert one of them first"
        case .overflow(let operation):
            "cannot \(operation): the result exceeds the 64-bit range of minor units"
        case .inexact(let operation, let rounding):
            "cannot \(operation) exactly under rounding rule \(rounding.rawValue); pass a rounding rule such as half_even"
        }
    }
}
