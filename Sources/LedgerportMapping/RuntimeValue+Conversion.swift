import Foundation
import LedgerportSDK

/// A JSON value that does not have the type a schema or a mapping gives it.
package struct ValueConversionError: Error, Sendable, CustomStringConvertible {
    /// The value that did not convert.
    package var value: JSONValue
    /// The type it was expected to have.
    package var kind: ValueKind

    /// The value, shortened, and the expected type.
    package var description: String {
        "\(String(value.description.prefix(80))) is not a \(kind)"
    }
}

extension RuntimeValue {
    /// Converts JSON to the runtime form of `kind`: money, decimals, instants
    /// and dates get their own cases, lists convert element by element, and
    /// every other kind stays JSON. Null stays null whatever the kind.
    package init(json: JSONValue, kind: ValueKind) throws(ValueConversionError) {
        if json == .null {
            self = .null
            return
        }
        switch kind {
        case .money:
            guard let amount = RuntimeValue.money(from: json) else { throw ValueConversionError(value: json, kind: kind) }
            self = .money(amount)
        case .decimal:
            guard let value = RuntimeValue.decimal(from: json) else { throw ValueConversionError(value: json, kind: kind) }
            self = .decimal(value)
        case .dateTime:
            guard let text = json.stringValue, let instant = UTCTimestamp.parse(text) ?? (try? JSONValueDecoder().decode(Date.self, from: json)) else {
                throw ValueConversionError(value: json, kind: kind)
            }
            self = .dateTime(instant)
        case .date:
            guard let text = json.stringValue, let date = CalendarDate(text) else { throw ValueConversionError(value: json, kind: kind) }
            self = .date(date)
        case .list(let element):
            guard let elements = json.arrayValue else { throw ValueConversionError(value: json, kind: kind) }
            var converted = [RuntimeValue]()
            for item in elements {
                converted.append(try RuntimeValue(json: item, kind: element))
            }
            self = .list(converted)
        case .string, .integer, .boolean:
            guard RuntimeValue.json(json, matches: kind) else { throw ValueConversionError(value: json, kind: kind) }
            self = .json(json)
        case .any, .null, .reference, .record, .object:
            self = .json(json)
        }
    }

    /// Reads `{"minor_units": ..., "currency": ...}` directly; the same rules as Money's Decodable conformance, without its cost.
    private static func money(from json: JSONValue) -> Money? {
        guard case .object(let members) = json, members.count == 2, let minorUnits = members["minor_units"]?.int64Value,
            let code = members["currency"]?.stringValue, let currency = CurrencyCode(code)
        else { return nil }
        return Money(minorUnits: minorUnits, currency: currency)
    }

    private static func decimal(from json: JSONValue) -> ExactDecimal? {
        switch json {
        case .number(let number): number.decimal
        case .string(let text): ExactDecimal(parsing: text)
        default: nil
        }
    }

    private static func json(_ json: JSONValue, matches kind: ValueKind) -> Bool {
        switch (kind, json) {
        case (.string, .string), (.boolean, .bool): true
        case (.integer, .number(let number)): number.isInteger
        default: false
        }
    }
}
