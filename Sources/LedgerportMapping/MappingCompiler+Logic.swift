import LedgerportSDK

extension MappingCompiler {
    /// Compiles `{"if": <condition>, "then": <expression>, "else": <expression>}`; without `else` the value is omitted when the condition fails.
    mutating func compileConditional(_ call: OperatorCall, scope: Scope) -> Expression {
        let condition = compileCondition(call.operand, at: call.operandPointer, scope: scope)
        guard let thenJSON = call.options["then"] else {
            report(.invalidDocument, at: call.pointer, "if has no \"then\"", fix: "add \"then\": <expression> and, when needed, \"else\": <expression>")
            return Self.invalid(at: call.pointer)
        }
        let then = compileExpression(thenJSON, at: call.optionPointer("then"), scope: scope)
        let otherwise = call.options["else"].map { compileExpression($0, at: call.optionPointer("else"), scope: scope) }
        let type = otherwise.map { then.type.joined(with: $0.type) } ?? then.type.orAbsent()
        return Expression(.conditional(condition, then: then, otherwise: otherwise), type: type, pointer: call.pointer)
    }

    /// Compiles an expression that must give a boolean, such as `when` and `where`.
    mutating func compileCondition(_ value: JSONValue, at pointer: JSONPointer, scope: Scope) -> Expression {
        let condition = compileExpression(value, at: pointer, scope: scope)
        expect(condition, "a boolean", role: "a condition") { $0 == .boolean }
        return condition
    }

    /// Compiles `eq`, `ne`, `lt`, `le`, `gt` and `ge` over two operands.
    mutating func compileComparison(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let operands = compileOperands(call, count: 2...2, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        let comparison = ComparisonOperator(rawValue: call.name)!
        let (left, right) = (operands[0], operands[1])
        if comparison.isOrdering {
            for operand in operands {
                expect(operand, "a string, number, money, date or date-time", role: "each operand of \(call.name)") { $0.isOrdered }
                expectNotNull(operand, role: "each operand of \(call.name)")
            }
            if left.type.kind != .any, right.type.kind != .any, !Self.comparable(left.type.kind, right.type.kind) {
                report(.typeMismatch, at: call.pointer, "\(call.name) compares \(left.type.kind) with \(right.type.kind)", fix: "compare values of one kind")
            }
        }
        checkAllowedValues(left, against: [right])
        checkAllowedValues(right, against: [left])
        return Expression(.comparison(comparison, left, right), type: .boolean, pointer: call.pointer)
    }

    /// Compiles `{"in": [<value>, <list>]}`.
    mutating func compileMembership(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let operands = compileOperands(call, count: 2...2, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        expect(operands[1], "a list", role: "the second operand of in") {
            if case .list = $0 { return true }
            return false
        }
        if case .list(let elements) = operands[1].node {
            checkAllowedValues(operands[0], against: elements)
        }
        return Expression(.membership(operands[0], in: operands[1]), type: .boolean, pointer: call.pointer)
    }

    /// Compiles `and`, `or` (lists of conditions) and `not` (one condition).
    mutating func compileLogic(_ call: OperatorCall, scope: Scope) -> Expression {
        if call.name == "not" {
            let operand = compileCondition(call.operand, at: call.operandPointer, scope: scope)
            return Expression(.not(operand), type: .boolean, pointer: call.pointer)
        }
        guard let operands = compileOperands(call, count: 1...Int.max, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        for operand in operands {
            expect(operand, "a boolean", role: "each operand of \(call.name)") { $0 == .boolean }
        }
        return Expression(call.name == "and" ? .all(operands) : .any(operands), type: .boolean, pointer: call.pointer)
    }

    private static func comparable(_ left: ValueKind, _ right: ValueKind) -> Bool {
        left == right || (left.isNumeric && right.isNumeric)
    }

    /// Reports a string constant compared with a field that can never hold it, such as status "paied".
    private mutating func checkAllowedValues(_ field: Expression, against others: [Expression]) {
        guard case .path(let read) = field.node, let allowed = read.path.leaf?.allowedValues else {
            return
        }
        for other in others {
            guard case .constant(.json(let constant)) = other.node, constant != .null, !allowed.contains(constant) else {
                continue
            }
            let names = allowed.compactMap(\.stringValue)
            report(.invalidValue, at: other.pointer, "\(read.path) is never \(constant)", fix: Suggestion.fix(for: constant.stringValue ?? "", among: names, noun: "value"))
        }
    }
}
