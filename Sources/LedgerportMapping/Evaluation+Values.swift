import Foundation
import LedgerportSDK

extension Evaluation {
    /// Looks a key up in a table, with the tenant's overrides on top of the mapping's entries.
    func lookup(_ call: LookupCall, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        let table = mapping.lookups[call.table]!
        let key = try value(of: call.key, bindings: bindings)
        let keyText: String? = switch key {
        case .json(.string(let text)): text
        case .json(.number(let number)) where number.isInteger: number.description
        default: nil
        }
        let override = keyText.flatMap { context.lookupOverrides[call.table]?[$0] }
        if let keyText, var entry = override ?? table.entries[keyText] {
            if let field = call.field {
                guard let member = entry[field] else {
                    return try fallback(table, key: keyText, call: call)
                }
                entry = member
            }
            do {
                return try RuntimeValue(json: entry, kind: call.field == nil ? table.kind : .any)
            } catch {
                let source = override == nil ? "the mapping's entry" : "the tenant's override"
                throw failure(override == nil ? .invalidValue : .invalidContext, at: call.key.pointer, "lookup \(call.table) key \"\(keyText)\": \(source) \(error)", hint: "give every entry of the table the same type")
            }
        }
        return try fallback(table, key: keyText, call: call)
    }

    private func fallback(_ table: LookupTable, key: String?, call: LookupCall) throws(MappingEvaluationError) -> RuntimeValue {
        switch table.fallback {
        case .accept, .omit: return .absent
        case .clear: return .null
        case .value(let value):
            guard let field = call.field else { return value }
            if case .json(let json) = value, let member = json[field] { return .json(member) }
            return .absent
        case .reject(let hint):
            let shown = key.map { "\"\($0)\"" } ?? "no key"
            throw failure(.lookupMiss, at: call.key.pointer, "lookup \(call.table) has no entry for \(shown)",
                hint: hint ?? "add the key to lookup \(call.table) in the tenant's overrides or in a new mapping version, then replay the event")
        }
    }

    /// The parts of `concat` or `external_id` as text, or nil when one of them is absent.
    func joined(_ parts: [Expression], bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> [String]? {
        var texts = [String]()
        for part in parts {
            let result = try value(of: part, bindings: bindings)
            switch result {
            case .absent: return nil
            case .json(.string(let text)): texts.append(text)
            case .json(.number(let number)): texts.append(number.description)
            case .decimal(let decimal): texts.append(decimal.description)
            case .date(let date): texts.append(date.description)
            default:
                throw failure(.invalidValue, at: part.pointer, "cannot join \(result.summary) as text", hint: "join strings, numbers or dates")
            }
        }
        return texts
    }

    /// Applies a string normalisation.
    func text(_ transform: TextTransform, _ operand: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        let result = try value(of: operand, bindings: bindings)
        if result.isAbsent || result.isNull { return result }
        guard let text = result.stringValue else {
            throw failure(.invalidValue, at: operand.pointer, "\(transform.rawValue) expects text but got \(result.summary)", hint: "apply \(transform.rawValue) to a string")
        }
        let trimmed = Evaluation.trimmed(text)
        let output = switch transform {
        case .trim: trimmed
        case .lowercase: text.lowercased()
        case .uppercase: text.uppercased()
        case .email: trimmed.lowercased()
        }
        return .json(.string(output))
    }

    /// Removes leading and trailing white space, as Unicode defines it.
    static func trimmed(_ text: String) -> String {
        // A character that contains an ASCII byte other than white space is not white space. So when both
        // ends are such bytes, there is nothing to remove.
        if let head = text.utf8.first, let tail = text.utf8.last, head < 0x80, tail < 0x80, !isASCIIWhitespace(head), !isASCIIWhitespace(tail) {
            return text
        }
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(text[first...last])
    }

    /// Returns whether `text` has no characters other than white space, as `Character.isWhitespace` decides.
    ///
    /// Text made of ASCII bytes is checked byte by byte, because the Unicode property lookup behind
    /// `isWhitespace` took about a sixth of the evaluation time in a profile of the deliver benchmark.
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            guard byte < 0x80 else {
                return text.allSatisfy(\.isWhitespace)
            }
            // A character that contains an ASCII byte other than white space is not white space.
            guard isASCIIWhitespace(byte) else {
                return false
            }
        }
        return true
    }

    /// Returns whether `byte` is one of the ASCII characters with the Unicode White_Space property: tab, line feed,
    /// vertical tab, form feed, carriage return and space.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Compares two values; ordering operators need two values of one ordered kind.
    func compare(_ comparison: ComparisonOperator, _ left: Expression, _ right: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> Bool {
        let lhs = try value(of: left, bindings: bindings)
        let rhs = try value(of: right, bindings: bindings)
        switch comparison {
        case .eq: return Evaluation.equal(lhs, rhs)
        case .ne: return !Evaluation.equal(lhs, rhs)
        case .lt, .le, .gt, .ge:
            guard let order = Evaluation.order(lhs, rhs) else {
                throw failure(.invalidValue, at: left.pointer, "\(comparison.rawValue) cannot order \(lhs.summary) and \(rhs.summary)", hint: "compare two values of one kind and currency")
            }
            switch comparison {
            case .lt: return order < 0
            case .le: return order <= 0
            case .gt: return order > 0
            default: return order >= 0
            }
        }
    }

    /// Whether the list contains a value equal to the element.
    func contains(_ list: Expression, _ element: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> Bool {
        let candidate = try value(of: element, bindings: bindings)
        let container = try value(of: list, bindings: bindings)
        guard let elements = container.listValue else {
            throw failure(.invalidValue, at: list.pointer, "in expects a list but got \(container.summary)", hint: "write the allowed values as a list")
        }
        return elements.contains { Evaluation.equal(candidate, $0) }
    }

    /// Equality that treats a JSON number and a decimal of the same value as equal.
    static func equal(_ lhs: RuntimeValue, _ rhs: RuntimeValue) -> Bool {
        if let left = lhs.decimalValue, let right = rhs.decimalValue {
            return left == right
        }
        return lhs == rhs
    }

    /// -1, 0 or 1, or nil when the values have no common order.
    private static func order(_ lhs: RuntimeValue, _ rhs: RuntimeValue) -> Int? {
        func sign<T: Comparable>(_ left: T, _ right: T) -> Int { left < right ? -1 : (left == right ? 0 : 1) }
        if let left = lhs.decimalValue, let right = rhs.decimalValue { return sign(left, right) }
        switch (lhs, rhs) {
        case (.money(let left), .money(let right)) where left.currency == right.currency: return sign(left.minorUnits, right.minorUnits)
        case (.dateTime(let left), .dateTime(let right)): return sign(left, right)
        case (.date(let left), .date(let right)): return sign(left, right)
        case (.json(.string(let left)), .json(.string(let right))): return sign(left, right)
        default: return nil
        }
    }
}
