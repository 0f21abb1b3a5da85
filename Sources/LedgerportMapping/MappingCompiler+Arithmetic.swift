import LedgerportSDK

extension MappingCompiler {
    /// Compiles `{"sum": <list>, "currency": <expression>}`: money needs the currency, which an empty list cannot supply.
    mutating func compileSum(_ call: OperatorCall, scope: Scope) -> Expression {
        let list = compileExpression(call.operand, at: call.operandPointer, scope: scope)
        expectNotNull(list, role: "the list to sum")
        var element = ValueKind.any
        if case .list(let kind) = list.type.kind {
            element = kind
        } else {
            expect(list, "a list of money or numbers", role: "the operand of sum") { _ in false }
        }
        if element != .any, element != .money, !element.isNumeric {
            report(.typeMismatch, at: list.pointer, "sum adds money or numbers, but this is a list of \(element)", fix: "sum a list of amounts, such as {\"each\": ..., \"as\": \"line\", \"value\": {\"path\": \"line.amount\"}}")
        }
        let currency = call.options["currency"].map { compileExpression($0, at: call.optionPointer("currency"), scope: scope) }
        if let currency {
            expect(currency, "a currency code string", role: "currency") { $0 == .string }
        } else if element == .money || element == .any {
            report(.invalidDocument, at: call.pointer, "sum of money needs a \"currency\", the currency of an empty list", fix: "add \"currency\": {\"path\": \"object.currency\"}")
        }
        let kind: ValueKind = element.isNumeric ? .decimal : (currency == nil ? .any : .money)
        let type = StaticType(kind, mayBeAbsent: list.type.mayBeAbsent || (currency?.type.mayBeAbsent ?? false))
        return Expression(.sum(list, currency: currency), type: type, pointer: call.pointer)
    }

    /// Compiles `add`, `subtract` (money with money, or numbers with numbers), `negate` and `abs`.
    mutating func compileAdditive(_ call: OperatorCall, scope: Scope) -> Expression {
        let operands: [Expression]
        if call.name == "negate" || call.name == "abs" {
            operands = [compileExpression(call.operand, at: call.operandPointer, scope: scope)]
        } else {
            guard let list = compileOperands(call, count: call.name == "add" ? 2...Int.max : 2...2, scope: scope) else {
                return Self.invalid(at: call.pointer)
            }
            operands = list
        }
        let kind = arithmeticKind(operands, call: call)
        let type = StaticType(kind, mayBeAbsent: operands.contains(where: \.type.mayBeAbsent))
        let node: ExpressionNode = switch call.name {
        case "add": .add(operands)
        case "subtract": .subtract(operands[0], operands[1])
        case "negate": .negate(operands[0])
        default: .absolute(operands[0])
        }
        return Expression(node, type: type, pointer: call.pointer)
    }

    private mutating func arithmeticKind(_ operands: [Expression], call: OperatorCall) -> ValueKind {
        for operand in operands {
            expect(operand, "money or a number", role: "each operand of \(call.name)") { $0 == .money || $0.isNumeric }
            expectNotNull(operand, role: "each operand of \(call.name)")
        }
        let kinds = operands.map(\.type.kind).filter { $0 != .any }
        if kinds.contains(.money) && kinds.contains(where: \.isNumeric) {
            report(.typeMismatch, at: call.pointer, "\(call.name) mixes money and plain numbers", fix: "convert with to_money or to_decimal first")
            return .any
        }
        if kinds.count < operands.count { return kinds.contains(.money) ? .money : .any }
        if kinds.allSatisfy({ $0 == .integer }) { return .integer }
        return kinds.first == .money ? .money : .decimal
    }

    /// Compiles `{"multiply": [a, b], "rounding": ...}`: money times a number, or two numbers.
    mutating func compileMultiply(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let operands = compileOperands(call, count: 2...2, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        for operand in operands {
            expect(operand, "money or a number", role: "each operand of multiply") { $0 == .money || $0.isNumeric }
            expectNotNull(operand, role: "each operand of multiply")
        }
        let kinds = operands.map(\.type.kind)
        let moneyCount = kinds.filter { $0 == .money }.count
        if moneyCount == 2 {
            report(.typeMismatch, at: call.pointer, "multiply cannot multiply money by money", fix: "multiply money by a quantity or a rate")
        }
        let factor = kinds.first { $0 != .money } ?? .any
        let needsRounding = moneyCount == 1 && factor != .integer
        let rounding = roundingOption(call, required: needsRounding)
        let kind: ValueKind = moneyCount >= 1 ? .money : (kinds.allSatisfy { $0 == .integer } ? .integer : (kinds.contains(.any) ? .any : .decimal))
        let type = StaticType(kind, mayBeAbsent: operands.contains(where: \.type.mayBeAbsent))
        return Expression(.multiply(operands[0], operands[1], rounding: rounding), type: type, pointer: call.pointer)
    }

    /// Compiles `divide` (money by a number, or a number by a number) and `round` (a number to `scale` digits).
    mutating func compileDivision(_ call: OperatorCall, scope: Scope) -> Expression {
        let operands: [Expression]
        if call.name == "round" {
            operands = [compileExpression(call.operand, at: call.operandPointer, scope: scope)]
        } else {
            guard let list = compileOperands(call, count: 2...2, scope: scope) else {
                return Self.invalid(at: call.pointer)
            }
            operands = list
        }
        for operand in operands {
            expectNotNull(operand, role: "each operand of \(call.name)")
        }
        let dividend = operands[0]
        let isMoney = dividend.type.kind == .money
        expect(dividend, call.name == "round" ? "a number" : "money or a number", role: "the first operand of \(call.name)") { $0.isNumeric || ($0 == .money && call.name == "divide") }
        if operands.count == 2 {
            expect(operands[1], "a number", role: "the divisor") { $0.isNumeric }
        }
        let rounding = roundingOption(call, required: true) ?? .unnecessary
        let scale = integerOption(call, "scale", range: 0...18)
        if scale == nil && !isMoney {
            report(.invalidDocument, at: call.pointer, "\(call.name) of a number needs \"scale\", the number of fraction digits to keep", fix: "add \"scale\": 2, or the digits the target field holds")
        }
        let type = StaticType(isMoney ? .money : .decimal, mayBeAbsent: operands.contains(where: \.type.mayBeAbsent))
        let node: ExpressionNode = call.name == "round"
            ? .round(dividend, scale: scale ?? 0, rounding: rounding)
            : .divide(dividend, operands[1], scale: isMoney ? nil : scale, rounding: rounding)
        return Expression(node, type: type, pointer: call.pointer)
    }

    /// Compiles `to_decimal`, `to_money`, `convert_exponent` and `currency_of`.
    mutating func compileMoneyConversion(_ call: OperatorCall, scope: Scope) -> Expression {
        let operand = compileExpression(call.operand, at: call.operandPointer, scope: scope)
        expectNotNull(operand, role: "the operand of \(call.name)")
        let absent = operand.type.mayBeAbsent
        switch call.name {
        case "to_decimal":
            expect(operand, "money", role: "the operand of to_decimal") { $0 == .money }
            let table = exponentTable(call, "table") ?? .iso4217
            return Expression(.toDecimal(operand, table: table), type: StaticType(.decimal, mayBeAbsent: absent), pointer: call.pointer)
        case "to_money":
            expect(operand, "a number", role: "the operand of to_money") { $0.isNumeric }
            guard let currencyJSON = call.options["currency"] else {
                report(.invalidDocument, at: call.pointer, "to_money needs a \"currency\"", fix: "add \"currency\": {\"path\": \"object.currency\"}")
                return Self.invalid(at: call.pointer)
            }
            let currency = compileExpression(currencyJSON, at: call.optionPointer("currency"), scope: scope)
            expect(currency, "a currency code string", role: "currency") { $0 == .string }
            let table = exponentTable(call, "table") ?? .iso4217
            let rounding = roundingOption(call, required: false) ?? .unnecessary
            let type = StaticType(.money, mayBeAbsent: absent || currency.type.mayBeAbsent)
            return Expression(.toMoney(operand, currency: currency, table: table, rounding: rounding), type: type, pointer: call.pointer)
        case "convert_exponent":
            expect(operand, "money", role: "the operand of convert_exponent") { $0 == .money }
            let from = exponentTable(call, "from", required: true) ?? .iso4217
            let to = exponentTable(call, "to", required: true) ?? .iso4217
            let rounding = roundingOption(call, required: false) ?? .unnecessary
            return Expression(.convertExponent(operand, from: from, to: to, rounding: rounding), type: StaticType(.money, mayBeAbsent: absent), pointer: call.pointer)
        default:
            expect(operand, "money", role: "the operand of currency_of") { $0 == .money }
            return Expression(.currencyOf(operand), type: StaticType(.string, mayBeAbsent: absent), pointer: call.pointer)
        }
    }

    private mutating func exponentTable(_ call: OperatorCall, _ option: String, required: Bool = false) -> CurrencyExponentTable? {
        guard let value = call.options[option] else {
            if required {
                report(.invalidDocument, at: call.pointer, "\(call.name) needs \"\(option)\", the name of an exponent table", fix: "add \"\(option)\": \"iso4217\" or a table from exponent_tables")
            }
            return nil
        }
        guard let name = value.stringValue, let table = exponentTables[name] else {
            report(.unknownExponentTable, at: call.optionPointer(option), "exponent table \(value) is not defined", fix: Suggestion.fix(for: value.stringValue ?? "", among: exponentTables.keys, noun: "table"))
            return nil
        }
        return table
    }
}
