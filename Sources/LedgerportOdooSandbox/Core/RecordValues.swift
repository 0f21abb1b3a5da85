import Foundation
import LedgerportSDK

/// The stored columns of one record, keyed by field name.
///
/// Values keep the JSON form the API uses: strings for char, date and
/// selection fields, exact numbers for numeric fields, a bare id for a
/// many2one, an id array for a many2many, and `null` for an empty column.
package typealias RecordValues = JSONObject

extension JSONValue {
    /// Python truthiness: `false`, `null`, `0`, `""`, `[]` and `{}` are false.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .number(let number): !(number.decimal?.isZero ?? false)
        case .string(let text): !text.isEmpty
        case .array(let values): !values.isEmpty
        case .object(let members): !members.isEmpty
        }
    }

    /// The value as an exact decimal, reading integers, decimal numbers and numeric strings.
    ///
    /// JSON numbers with more digits than a 64-bit significand can contain (floats
    /// such as `0.30000000000000004` printed by other clients) are rounded to
    /// twelve decimals first, which keeps every amount Odoo can store.
    var decimalValue: ExactDecimal? {
        switch self {
        case .number(let number):
            if let decimal = number.decimal {
                return decimal
            }
            return ExactDecimal.approximating(number.description)
        case .string(let text):
            return ExactDecimal(parsing: text.trimmingCharacters(in: .whitespaces))
        case .bool(let flag):
            return ExactDecimal(flag ? 1 : 0)
        default:
            return nil
        }
    }

    /// The value as a record id: a whole number, or the first element of an `[id, name]` pair.
    var recordID: Int? {
        switch self {
        case .number: intValue
        case .array(let pair): pair.first?.intValue
        default: nil
        }
    }

    /// Makes a JSON number from an exact decimal.
    static func decimal(_ value: ExactDecimal) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// Makes a JSON number from an integer.
    static func int(_ value: Int) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// Makes a JSON array of ids.
    static func ids(_ values: [Int]) -> JSONValue {
        .array(values.map { .int($0) })
    }

    /// The ids of an id array, skipping anything that is not a whole number.
    var idList: [Int] {
        arrayValue?.compactMap(\.intValue) ?? []
    }
}

extension ExactDecimal {
    /// Rounds decimal text with too many digits to twelve decimals, or returns nil when it is not a number.
    static func approximating(_ text: String) -> ExactDecimal? {
        guard let double = Double(text), double.isFinite, abs(double) < 1e15 else {
            return nil
        }
        return ExactDecimal(parsing: String(format: "%.12f", double))?.normalized()
    }
}
