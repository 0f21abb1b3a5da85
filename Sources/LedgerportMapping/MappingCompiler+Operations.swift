import LedgerportSDK

extension MappingCompiler {
    private static let operationMembers: Set<String> = [
        "name", "description", "when", "for_each", "action", "model", "external_id", "values", "expectations",
    ]
    private static let iterationMembers: Set<String> = ["over", "as", "index_as", "where"]

    /// Compiles `operations`, checking each against the target catalog.
    mutating func compileOperations(_ value: JSONValue?, at pointer: JSONPointer, source: MappingSource) -> [OperationTemplate] {
        guard let list = value?.arrayValue, !list.isEmpty else {
            report(.invalidDocument, at: pointer, "operations must be a non-empty list", fix: "add the operations the mapping sends, such as an upsert")
            return []
        }
        var templates = [OperationTemplate]()
        var names = Set<String>()
        for (index, element) in list.enumerated() {
            guard let template = compileOperation(element, at: pointer.appending(index)) else {
                continue
            }
            if !names.insert(template.name).inserted {
                report(.invalidValue, at: pointer.appending(index).appending("name"), "operation name \"\(template.name)\" is used twice", fix: "give each operation its own name")
            }
            templates.append(template)
        }
        return templates
    }

    private mutating func compileOperation(_ value: JSONValue, at pointer: JSONPointer) -> OperationTemplate? {
        guard let members = requireObject(value, at: pointer, expecting: "name, action, model, external_id and values") else {
            return nil
        }
        reportUnknownMembers(members, allowed: Self.operationMembers, at: pointer)
        let name = requireString(members["name"], at: pointer.appending("name"), expecting: "a snake_case name such as \"upsert_invoice\"")
        if let name, !Identifier.isSnakeCase(name) {
            report(.invalidValue, at: pointer.appending("name"), "operation name \"\(name)\" is not snake_case", fix: "use lowercase letters, digits and underscores")
        }
        let shape = operationShape(members, at: pointer)

        var scope = Scope()
        var iteration: Iteration?
        if let loop = members["for_each"] {
            let loopPointer = pointer.appending("for_each")
            if let loopMembers = requireObject(loop, at: loopPointer, expecting: "\"over\" and \"as\"") {
                reportUnknownMembers(loopMembers, allowed: Self.iterationMembers, at: loopPointer)
                let over = loopMembers["over"] ?? .null
                if let compiled = compileIteration(over: over, at: loopPointer.appending("over"), options: loopMembers, optionPointer: loopPointer, scope: scope) {
                    iteration = compiled.iteration
                    scope = compiled.scope
                }
            }
        }
        let condition = members["when"].map { compileCondition($0, at: pointer.appending("when"), scope: scope) }
        let externalID = compileOperationExternalID(members["external_id"], at: pointer.appending("external_id"), scope: scope)
        let values = compileValues(members["values"], fields: shape?.fields, at: pointer.appending("values"), scope: scope)
        let expectations = compileExpectations(members["expectations"], model: shape?.model, at: pointer.appending("expectations"), scope: scope)
        guard let name, let shape, let externalID else {
            return nil
        }
        return OperationTemplate(
            name: name, pointer: pointer, condition: condition, iteration: iteration, action: shape.action, model: shape.model.name,
            externalID: externalID, values: values, fields: shape.fields, expectations: expectations
        )
    }

    private struct OperationShape {
        var action: TargetAction
        var model: TargetModel
        var fields: TargetFields
    }

    /// Reads `action` and `model` and finds what the catalog says about them.
    private mutating func operationShape(_ members: JSONObject, at pointer: JSONPointer) -> OperationShape? {
        let modelName = requireString(members["model"], at: pointer.appending("model"), expecting: "a target model such as \"account.move\"")
        let actionName = requireString(members["action"], at: pointer.appending("action"), expecting: "an action such as \"upsert\"")
        guard let modelName, let actionName, let catalog else {
            return nil
        }
        guard let model = catalog.models[modelName] else {
            report(.unknownModel, at: pointer.appending("model"), "\"\(modelName)\" is not a model of \(catalog.connector) \(catalog.version)", fix: Suggestion.fix(for: modelName, among: catalog.models.keys, noun: "model"))
            return nil
        }
        if !declaredModels.contains(modelName) {
            report(.unknownModel, at: pointer.appending("model"), "\"\(modelName)\" is not listed in target.models", fix: "add \"\(modelName)\" to target.models so reviewers see every model the mapping writes")
        }
        let action = TargetAction(rawValue: actionName)
        guard let fields = model.actions[action] else {
            report(.unsupportedAction, at: pointer.appending("action"), "\(modelName) does not support action \"\(actionName)\"", fix: Suggestion.fix(for: actionName, among: model.actions.keys.map(\.rawValue), noun: "action"))
            return nil
        }
        return OperationShape(action: action, model: model, fields: fields)
    }

    private mutating func compileOperationExternalID(_ value: JSONValue?, at pointer: JSONPointer, scope: Scope) -> Expression? {
        guard let value else {
            report(.invalidDocument, at: pointer, "external_id is missing", fix: "add \"external_id\": {\"external_id\": [\"stripe_invoice\", {\"path\": \"object.id\"}]}")
            return nil
        }
        let expression = compileExpression(value, at: pointer, scope: scope)
        expect(expression, "a string", role: "external_id") { $0 == .string }
        checkExternalIDLiteral(expression)
        if expression.type.mayBeAbsent || expression.type.mayBeNull {
            report(.invalidExternalID, at: pointer, "external_id may be omitted or null", fix: "build it only from fields that are always present, or reject events where they are missing")
        }
        return expression
    }

    private mutating func compileValues(_ value: JSONValue?, fields: TargetFields?, at pointer: JSONPointer, scope: Scope) -> [String: Expression] {
        let members = value.flatMap { requireObject($0, at: pointer, expecting: "the target fields") } ?? [:]
        var values = [String: Expression]()
        for key in members.keys.sorted() {
            values[key] = compileExpression(members[key]!, at: pointer.appending(key), scope: scope)
        }
        if let fields {
            checkFields(values, against: fields, at: pointer, subject: "the operation")
        }
        return values
    }

    private mutating func compileExpectations(_ value: JSONValue?, model: TargetModel?, at pointer: JSONPointer, scope: Scope) -> [ExpectationTemplate] {
        guard let value else { return [] }
        guard let list = value.arrayValue else {
            report(.typeMismatch, at: pointer, "expectations must be a list", fix: "write [{\"field\": \"amount_total\", \"amount\": {\"path\": \"object.total\"}}]")
            return []
        }
        var expectations = [ExpectationTemplate]()
        for (index, element) in list.enumerated() {
            let here = pointer.appending(index)
            guard let members = requireObject(element, at: here, expecting: "\"field\" and \"amount\"") else { continue }
            reportUnknownMembers(members, allowed: ["field", "amount"], at: here)
            guard let field = requireString(members["field"], at: here.appending("field"), expecting: "the amount field to read back, such as \"amount_total\"") else { continue }
            if let model, !model.expectationFields.contains(field) {
                let fix = model.expectationFields.isEmpty ? "remove the expectation: \(model.name) has no amounts to read back" : Suggestion.fix(for: field, among: model.expectationFields, noun: "field")
                report(.unknownTargetField, at: here.appending("field"), "\(model.name) has no amount field \"\(field)\" to read back", fix: fix)
            }
            let amount = compileExpression(members["amount"] ?? .null, at: here.appending("amount"), scope: scope)
            expect(amount, "money", role: "the expected amount") { $0 == .money }
            expectNotNull(amount, role: "the expected amount")
            expectations.append(ExpectationTemplate(field: field, amount: amount))
        }
        return expectations
    }
}
