import LedgerportSDK

/// The names an expression can use: iteration variables with their types.
struct Scope {
    /// The path roots that variables may not shadow.
    static let roots: Set<String> = ["event", "object", "context"]

    var variables = [String: StaticType]()

    /// Returns a scope with `name` bound to a value of `type`.
    func binding(_ name: String, to type: StaticType) -> Scope {
        var copy = self
        copy.variables[name] = type
        return copy
    }
}

extension MappingCompiler {
    /// Each operator with the option members it accepts beside its own key.
    static let operators: [String: Set<String>] = [
        "const": [], "record": [], "path": ["missing", "null", "empty"],
        "is_missing": [], "is_null": [], "is_empty": [], "is_present": [], "has_value": [],
        "lookup": ["key", "field"], "ref": [], "external_id": [], "concat": [],
        "trim": [], "lowercase": [], "uppercase": [], "email": [], "coalesce": [],
        "if": ["then", "else"], "eq": [], "ne": [], "lt": [], "le": [], "gt": [], "ge": [], "in": [],
        "and": [], "or": [], "not": [],
        "sum": ["currency"], "add": [], "subtract": [], "negate": [], "abs": [],
        "multiply": ["rounding"], "divide": ["scale", "rounding"], "round": ["scale", "rounding"],
        "to_decimal": ["table"], "to_money": ["currency", "table", "rounding"],
        "convert_exponent": ["from", "to", "rounding"], "currency_of": [],
        "date": ["time_zone"], "year_month": ["time_zone"], "add_days": [],
        "each": ["as", "index_as", "where", "value"], "flatten": [], "count": [],
    ]

    /// A placeholder for an expression that failed validation, so checking can go on.
    static func invalid(at pointer: JSONPointer) -> Expression {
        Expression(.constant(.absent), type: .any, pointer: pointer)
    }

    /// Compiles one expression: a JSON scalar is a constant, an array a list,
    /// and an object an operator named by its one operator member.
    mutating func compileExpression(_ value: JSONValue, at pointer: JSONPointer, scope: Scope) -> Expression {
        switch value {
        case .null:
            return Expression(.constant(.null), type: StaticType(.null), pointer: pointer)
        case .bool:
            return Expression(.constant(.json(value)), type: .boolean, pointer: pointer)
        case .number(let number):
            if number.isInteger {
                return Expression(.constant(.json(value)), type: StaticType(.integer), pointer: pointer)
            }
            return Expression(.constant(.decimal(number.decimal ?? .zero)), type: StaticType(.decimal), pointer: pointer)
        case .string:
            return Expression(.constant(.json(value)), type: .string, pointer: pointer)
        case .array(let elements):
            return compileList(elements, at: pointer, scope: scope)
        case .object(let members):
            return compileOperator(members, at: pointer, scope: scope)
        }
    }

    private mutating func compileList(_ elements: [JSONValue], at pointer: JSONPointer, scope: Scope) -> Expression {
        var compiled = [Expression]()
        var kind = ValueKind.null
        for (index, element) in elements.enumerated() {
            let expression = compileExpression(element, at: pointer.appending(index), scope: scope)
            kind = kind.joined(with: expression.type.kind)
            compiled.append(expression)
        }
        return Expression(.list(compiled), type: StaticType(.list(kind == .null ? .any : kind)), pointer: pointer)
    }

    private mutating func compileOperator(_ members: JSONObject, at pointer: JSONPointer, scope: Scope) -> Expression {
        let names = members.keys.filter { Self.operators[$0] != nil }.sorted()
        guard names.count == 1, let name = names.first else {
            let found = names.isEmpty ? "no operator" : "several operators (\(names.joined(separator: ", ")))"
            let unknown = members.keys.sorted().first ?? ""
            report(.unknownOperator, at: pointer, "an expression object needs exactly one operator, found \(found)",
                fix: names.isEmpty ? Suggestion.fix(for: unknown, among: Self.operators.keys, noun: "operator") + "; wrap a literal object in {\"const\": ...}" : "split it into nested expressions")
            return Self.invalid(at: pointer)
        }
        var options = members
        let operand = options.removeValue(forKey: name)!
        reportUnknownMembers(options, allowed: Self.operators[name]!, at: pointer)
        return compileOperator(name, operand: operand, options: options, at: pointer, scope: scope)
    }

    private mutating func compileOperator(_ name: String, operand: JSONValue, options: JSONObject, at pointer: JSONPointer, scope: Scope) -> Expression {
        let call = OperatorCall(name: name, operand: operand, options: options, pointer: pointer)
        switch name {
        case "const": return Expression(.constant(.json(operand)), type: .any, pointer: pointer)
        case "record": return compileRecord(call, scope: scope)
        case "path": return compilePathRead(call, scope: scope)
        case "is_missing", "is_null", "is_empty", "is_present": return compileFieldTest(call, scope: scope)
        case "has_value":
            let operand = compileExpression(call.operand, at: call.operandPointer, scope: scope)
            return Expression(.hasValue(operand), type: .boolean, pointer: call.pointer)
        case "lookup": return compileLookupCall(call, scope: scope)
        case "ref": return compileReference(call, scope: scope)
        case "external_id", "concat": return compileJoin(call, scope: scope)
        case "trim", "lowercase", "uppercase", "email": return compileText(call, scope: scope)
        case "coalesce": return compileCoalesce(call, scope: scope)
        case "if": return compileConditional(call, scope: scope)
        case "eq", "ne", "lt", "le", "gt", "ge": return compileComparison(call, scope: scope)
        case "in": return compileMembership(call, scope: scope)
        case "and", "or", "not": return compileLogic(call, scope: scope)
        case "sum": return compileSum(call, scope: scope)
        case "add", "subtract", "negate", "abs": return compileAdditive(call, scope: scope)
        case "multiply": return compileMultiply(call, scope: scope)
        case "divide", "round": return compileDivision(call, scope: scope)
        case "to_decimal", "to_money", "convert_exponent", "currency_of": return compileMoneyConversion(call, scope: scope)
        case "date", "year_month", "add_days": return compileDate(call, scope: scope)
        case "each", "flatten", "count": return compileListOperator(call, scope: scope)
        default: preconditionFailure("operator \(name) is listed in MappingCompiler.operators but not compiled")
        }
    }

    private mutating func compileRecord(_ call: OperatorCall, scope: Scope) -> Expression {
        guard case .object(let members) = call.operand else {
            report(.typeMismatch, at: call.operandPointer, "record takes an object of field expressions, found \(call.operand.typeName)", fix: "write {\"record\": {\"name\": ..., \"quantity\": ...}}")
            return Self.invalid(at: call.pointer)
        }
        var fields = [String: Expression]()
        for key in members.keys.sorted() {
            fields[key] = compileExpression(members[key]!, at: call.operandPointer.appending(key), scope: scope)
        }
        return Expression(.record(fields), type: StaticType(.record(fields.mapValues(\.type))), pointer: call.pointer)
    }
}

/// One operator object being compiled: its name, its operand and its options.
struct OperatorCall {
    var name: String
    var operand: JSONValue
    var options: JSONObject
    /// The pointer of the whole operator object.
    var pointer: JSONPointer

    /// The pointer of the operand, the value of the operator member.
    var operandPointer: JSONPointer { pointer.appending(name) }

    /// The pointer of an option member.
    func optionPointer(_ option: String) -> JSONPointer { pointer.appending(option) }
}
