import Foundation
import LedgerportSDK

/// A value while a mapping is evaluated.
///
/// ``absent`` is "no value": a target field that evaluates to it is left out
/// of the operation, so the target keeps what it has. JSON null is a value
/// (`.json(.null)`) and clears the target field.
package indirect enum RuntimeValue: Sendable, Hashable {
    case absent
    case json(JSONValue)
    case money(Money)
    case decimal(ExactDecimal)
    case dateTime(Date)
    case date(CalendarDate)
    case reference(TargetReference)
    case list([RuntimeValue])
    case record([String: RuntimeValue])

    /// JSON null, which clears a target field.
    package static let null = RuntimeValue.json(.null)

    /// Whether the value is ``absent``.
    package var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }

    /// Whether the value is JSON null.
    package var isNull: Bool {
        if case .json(.null) = self { return true }
        return false
    }

    /// The string, when the value is one.
    package var stringValue: String? {
        if case .json(.string(let text)) = self { return text }
        return nil
    }

    /// The value as an exact decimal, when it is a number.
    package var decimalValue: ExactDecimal? {
        switch self {
        case .decimal(let value): value
        case .json(.number(let number)): number.decimal
        default: nil
        }
    }

    /// The elements, when the value is a list (a canonical JSON array becomes a list of JSON values).
    package var listValue: [RuntimeValue]? {
        switch self {
        case .list(let elements): elements
        case .json(.array(let elements)): elements.map(RuntimeValue.json)
        default: nil
        }
    }

    /// The value in ``TargetValue`` terms, with absent fields and list elements left out.
    /// An instant becomes RFC 3339 text in UTC; mappings place instants in a time zone with `date`.
    package var targetValue: TargetValue? {
        switch self {
        case .absent: return nil
        case .json(let json): return .json(json)
        case .money(let amount): return .money(amount)
        case .decimal(let value): return .decimal(value)
        case .dateTime(let instant): return .string(RuntimeValue.rfc3339(instant))
        case .date(let date): return .date(date.description)
        case .reference(let reference): return .reference(reference)
        case .list(let elements): return .list(elements.compactMap(\.targetValue))
        case .record(let fields): return .record(fields.compactMapValues(\.targetValue))
        }
    }

    /// A short rendering for error messages, such as `"EUR"`, `2900 EUR (minor units)` or `2026-12-31`.
    package var summary: String {
        switch self {
        case .absent: "no value"
        case .json(let json): String(json.description.prefix(80))
        case .money(let amount): amount.description
        case .decimal(let value): value.description
        case .dateTime(let instant): RuntimeValue.rfc3339(instant)
        case .date(let date): date.description
        case .reference(let reference): reference.description
        case .list(let elements): "a list of \(elements.count)"
        case .record: "a record"
        }
    }

    private static func rfc3339(_ instant: Date) -> String {
        // Encoding a Date as a single value cannot fail; the fallback only keeps the function total.
        (try? JSONValueEncoder().encode(instant).stringValue) ?? "\(instant.timeIntervalSince1970)"
    }
}
