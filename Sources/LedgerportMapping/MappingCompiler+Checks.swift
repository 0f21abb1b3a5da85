import LedgerportSDK

extension MappingCompiler {
    /// Compiles an operand that must be a JSON array of `count` expressions; reports and returns nil otherwise.
    mutating func compileOperands(_ call: OperatorCall, count: ClosedRange<Int>, scope: Scope) -> [Expression]? {
        guard let elements = call.operand.arrayValue, count.contains(elements.count) else {
            let expected = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound == .max ? "any number of" : String(count.upperBound))"
            report(.typeMismatch, at: call.operandPointer, "\(call.name) takes a list of \(expected) expressions", fix: "write {\"\(call.name)\": [<expression>, ...]}")
            return nil
        }
        return elements.enumerated().map { index, element in
            compileExpression(element, at: call.operandPointer.appending(index), scope: scope)
        }
    }

    /// Reports a type mismatch unless the expression's kind is accepted or only known at run time.
    @discardableResult
    mutating func expect(_ expression: Expression, _ expected: String, role: String, where accepts: (ValueKind) -> Bool) -> Bool {
        let kind = expression.type.kind
        guard kind != .any, !accepts(kind) else {
            return true
        }
        report(.typeMismatch, at: expression.pointer, "\(role) must be \(expected), but this expression gives \(kind)", fix: "give \(role) \(expected)")
        return false
    }

    /// Reports an operand that may be null where a value is needed.
    mutating func expectNotNull(_ expression: Expression, role: String) {
        guard expression.type.mayBeNull else { return }
        report(.typeMismatch, at: expression.pointer, "\(role) may be null", fix: "set the path's \"null\" policy to \"omit\", \"reject\" or {\"value\": ...} instead of \"clear\"")
    }

    /// Reads an optional rounding rule option; reports an unknown one.
    mutating func roundingOption(_ call: OperatorCall, required: Bool) -> RoundingRule? {
        let rules = RoundingRule.allCases.map(\.rawValue)
        guard let value = call.options["rounding"] else {
            if required {
                report(.invalidDocument, at: call.pointer, "\(call.name) needs a \"rounding\" rule because its result can have more digits than allowed",
                    fix: "add \"rounding\": one of \(rules.joined(separator: ", ")) (\"unnecessary\" fails the event instead of rounding)")
            }
            return nil
        }
        guard let text = value.stringValue, let rule = RoundingRule(rawValue: text) else {
            report(.invalidValue, at: call.optionPointer("rounding"), "\(value) is not a rounding rule", fix: Suggestion.fix(for: value.stringValue ?? "", among: rules, noun: "rounding rule"))
            return nil
        }
        return rule
    }

    /// Reads an integer option such as `scale`.
    mutating func integerOption(_ call: OperatorCall, _ name: String, range: ClosedRange<Int>) -> Int? {
        guard let value = call.options[name] else { return nil }
        guard let number = value.intValue, range.contains(number) else {
            report(.invalidValue, at: call.optionPointer(name), "\(name) \(value) is not an integer from \(range.lowerBound) to \(range.upperBound)", fix: "write \"\(name)\": 2")
            return nil
        }
        return number
    }
}

extension ValueKind {
    /// Whether the kind is a string (text operators accept these).
    var isString: Bool { self == .string }
    /// Whether the kind can be compared by order.
    var isOrdered: Bool {
        switch self {
        case .string, .integer, .decimal, .money, .dateTime, .date: true
        default: false
        }
    }
    /// Whether a value of this kind can be empty: a string, a list or an object.
    var canBeEmpty: Bool {
        switch self {
        case .string, .list, .object, .record, .any: true
        default: false
        }
    }
}
