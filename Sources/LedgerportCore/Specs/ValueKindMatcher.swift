import Foundation
import LedgerportJSONSchema
import LedgerportSDK

/// Matches ``TargetValue`` cases to the value kinds of a spec.
enum ValueKindMatcher {
    /// Returns whether `value` is of `kind`. A whole JSON number is an integer.
    static func matches(_ value: TargetValue, _ kind: OperationValueSpec.Kind) -> Bool {
        switch (kind, value) {
        case (.json, .json): true
        case (.string, .json(.string)): true
        case (.integer, .json(.number(let number))): number.isInteger
        case (.boolean, .json(.bool)): true
        case (.money, .money), (.decimal, .decimal), (.date, .date), (.reference, .reference): true
        case (.list, .list), (.record, .record): true
        default: false
        }
    }

    /// Describes what a value is, for messages: `string "abc"`, `money`, `reference to res.partner/x`.
    static func describe(_ value: TargetValue) -> String {
        switch value {
        case .json(let json): json.isNull ? "null" : "\(json.typeName) \(MessageText.describe(json))"
        case .money(let amount): "money \(amount)"
        case .decimal(let number): "decimal \(number)"
        case .date(let text): "date \(text)"
        case .reference(let reference): "reference to \(reference)"
        case .list(let elements): "a list of \(elements.count) items"
        case .record: "a record"
        }
    }

    /// Returns the JSON form of a kind, for the fix text of a kind mismatch.
    static func form(of kind: OperationValueSpec.Kind) -> String {
        switch kind {
        case .string: "a JSON string"
        case .integer: "a whole JSON number"
        case .boolean: "true or false"
        case .json: "any JSON value"
        case .money: "{\"$money\": {\"minor_units\": 2900, \"currency\": \"EUR\"}}"
        case .decimal: "{\"$decimal\": \"12.345\"}"
        case .date: "{\"$date\": \"2026-12-31\"}"
        case .reference: "{\"$ref\": {\"model\": \"res.partner\", \"external_id\": \"...\"}}"
        case .list: "a JSON array"
        case .record: "a JSON object of values"
        }
    }
}

/// Regular expression matching for patterns in specs, compiled once per pattern text.
enum ValuePatterns {
    private static let cache = PatternCache()

    /// Returns whether `pattern` matches anywhere in `text`; an invalid pattern matches nothing.
    static func matches(_ text: String, pattern: String) -> Bool {
        guard let expression = cache.expression(for: pattern) else {
            return false
        }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// Compiled regular expressions by pattern text, shared between tasks behind a lock.
private final class PatternCache: @unchecked Sendable {
    private let lock = NSLock()
    private var expressions: [String: NSRegularExpression] = [:]

    func expression(for pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = expressions[pattern] {
            return cached
        }
        // The linter reports patterns that do not compile; here they simply match nothing.
        guard let compiled = try? NSRegularExpression(pattern: pattern) else {
            return nil
        }
        expressions[pattern] = compiled
        return compiled
    }
}
