import LedgerportSDK

extension MappingCompiler {
    /// Compiles `each`, `flatten` and `count`.
    mutating func compileListOperator(_ call: OperatorCall, scope: Scope) -> Expression {
        switch call.name {
        case "each":
            guard let iteration = compileIteration(over: call.operand, at: call.operandPointer, options: call.options, optionPointer: call.pointer, scope: scope) else {
                return Self.invalid(at: call.pointer)
            }
            guard let valueJSON = call.options["value"] else {
                report(.invalidDocument, at: call.pointer, "each has no \"value\"", fix: "add \"value\": the expression computed for each element")
                return Self.invalid(at: call.pointer)
            }
            let value = compileExpression(valueJSON, at: call.optionPointer("value"), scope: iteration.scope)
            let type = StaticType(.list(value.type.kind), mayBeAbsent: iteration.iteration.over.type.mayBeAbsent)
            return Expression(.each(iteration.iteration, value: value), type: type, pointer: call.pointer)
        case "flatten":
            guard let lists = compileOperands(call, count: 1...Int.max, scope: scope) else {
                return Self.invalid(at: call.pointer)
            }
            var element = ValueKind.null
            for list in lists {
                expect(list, "a list", role: "each operand of flatten") { if case .list = $0 { true } else { false } }
                if case .list(let kind) = list.type.kind { element = element.joined(with: kind) }
            }
            return Expression(.flatten(lists), type: StaticType(.list(element == .null ? .any : element)), pointer: call.pointer)
        default:
            let list = compileExpression(call.operand, at: call.operandPointer, scope: scope)
            expect(list, "a list", role: "the operand of count") { if case .list = $0 { true } else { false } }
            return Expression(.count(list), type: StaticType(.integer, mayBeAbsent: list.type.mayBeAbsent), pointer: call.pointer)
        }
    }

    /// Compiles an iteration: the list, the variable named by `as`, an optional `index_as` and `where`.
    /// Returns the scope the element expression sees.
    mutating func compileIteration(
        over listJSON: JSONValue, at listPointer: JSONPointer, options: JSONObject, optionPointer: JSONPointer, scope: Scope
    ) -> (iteration: Iteration, scope: Scope)? {
        let list = compileExpression(listJSON, at: listPointer, scope: scope)
        expectNotNull(list, role: "the list to iterate")
        var element = ValueKind.any
        if case .list(let kind) = list.type.kind {
            element = kind
        } else {
            expect(list, "a list", role: "the list to iterate") { _ in false }
        }
        guard let variable = variableName(options["as"], at: optionPointer.appending("as"), scope: scope, required: true) else {
            return nil
        }
        var inner = scope.binding(variable, to: StaticType(element))
        let indexVariable = variableName(options["index_as"], at: optionPointer.appending("index_as"), scope: inner, required: false)
        if let indexVariable {
            inner = inner.binding(indexVariable, to: StaticType(.integer))
        }
        let filter = options["where"].map { compileCondition($0, at: optionPointer.appending("where"), scope: inner) }
        return (Iteration(over: list, variable: variable, indexVariable: indexVariable, filter: filter), inner)
    }

    private mutating func variableName(_ value: JSONValue?, at pointer: JSONPointer, scope: Scope, required: Bool) -> String? {
        guard let value else {
            if required {
                report(.invalidDocument, at: pointer, "the iteration has no \"as\"", fix: "add \"as\": a name for the element, such as \"line\"")
            }
            return nil
        }
        guard let name = value.stringValue, Identifier.isSnakeCase(name) else {
            report(.invalidValue, at: pointer, "\(value) is not a variable name", fix: "use a snake_case name such as \"line\"")
            return nil
        }
        guard !Scope.roots.contains(name), scope.variables[name] == nil else {
            report(.invalidValue, at: pointer, "\"\(name)\" is already a path root or a variable in scope", fix: "choose another name")
            return nil
        }
        return name
    }
}
