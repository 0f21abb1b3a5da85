import LedgerportJSONSchema
import LedgerportSDK

/// Checks ``TargetOperation``s against a target spec's operations before anything is written.
///
/// Run it on every operation a mapping produces, and on a dry run, so that a
/// missing required target field is caught when a mapping version is
/// validated, not when Odoo rejects a write. It reports every issue
/// with a JSON Pointer into the operation's JSON form (`/values/lines/0/quantity`):
///
/// - `unknown_model`, `unsupported_action`: the spec lists no such model or action;
/// - `external_id`: the external id does not match the model's `external_id_pattern`;
/// - `missing_value`, `unknown_value`: a required value is absent (null counts as absent),
///   or a value is not one the action takes;
/// - `value_kind`: a value is not of its declared kind, or breaks its `enum`, `pattern`,
///   date form or reference model;
/// - `expectation_field`: an expectation names a field the model does not read back.
///
/// It does no I/O and reads no target state: whether a referenced record
/// exists is for the target connector to find out.
package struct OperationChecker: Sendable {
    package let spec: ConnectorSpec

    package init(spec: ConnectorSpec) {
        self.spec = spec
    }

    /// Returns every issue of `operation`; empty when the target supports it as given.
    package func check(_ operation: TargetOperation, file: String? = nil) -> [ValidationIssue] {
        var context = CheckContext(file: file)
        guard let model = spec.operations(forModel: operation.model) else {
            let known = spec.operations.map(\.model)
            let hint = MessageText.didYouMean(operation.model, among: known)
            context.report(JSONPointer(tokens: ["model"]), "unknown_model", "model \(MessageText.quote(operation.model)) has no operations in \(spec.reference)", fix: "\(hint)use one of \(MessageText.quotedList(known))")
            return context.issues
        }
        guard let action = model.actions[operation.action.rawValue] else {
            let known = model.actions.keys.sorted()
            let hint = MessageText.didYouMean(operation.action.rawValue, among: known)
            context.report(JSONPointer(tokens: ["action"]), "unsupported_action", "action \(MessageText.quote(operation.action.rawValue)) is not supported on \(MessageText.quote(model.model))", fix: "\(hint)use one of \(MessageText.quotedList(known))")
            return context.issues
        }

        checkExternalID(operation.externalID, model: model, context: &context)
        checkValues(operation.values, against: action.values, at: JSONPointer(tokens: ["values"]), context: &context)
        checkExpectations(operation.expectations, model: model, context: &context)
        return context.issues
    }

    /// Returns the issues of one value against its spec, with pointers below `pointer`.
    package func check(_ value: TargetValue, against valueSpec: OperationValueSpec, at pointer: JSONPointer) -> [ValidationIssue] {
        var context = CheckContext(file: nil)
        checkValue(value, against: valueSpec, at: pointer, context: &context)
        return context.issues
    }

    // MARK: - Operation parts

    private func checkExternalID(_ externalID: String, model: ModelOperationsSpec, context: inout CheckContext) {
        guard let pattern = model.externalIDPattern, !ValuePatterns.matches(externalID, pattern: pattern) else {
            return
        }
        context.report(JSONPointer(tokens: ["external_id"]), "external_id", "external id \(MessageText.quote(externalID)) does not match \(MessageText.quote(pattern))", fix: "derive the external id from the source id using only characters the pattern allows")
    }

    private func checkValues(_ values: [String: TargetValue], against specs: [String: OperationValueSpec], at base: JSONPointer, context: inout CheckContext) {
        for name in specs.keys.sorted() where specs[name]!.required && (values[name] == nil || values[name] == .null) {
            context.report(base.appending(name), "missing_value", "required value \(MessageText.quote(name)) is missing", fix: "add the required value \(MessageText.quote(name)) (\(phrase(for: specs[name]!)))")
        }
        for name in values.keys.sorted() {
            guard let valueSpec = specs[name] else {
                let hint = MessageText.didYouMean(name, among: specs.keys)
                let known = specs.isEmpty ? "this action takes no values" : "known values are \(MessageText.quotedList(specs.keys.sorted()))"
                context.report(base.appending(name), "unknown_value", "value \(MessageText.quote(name)) is not taken by this action", fix: "\(hint)remove it; \(known)")
                continue
            }
            if values[name] != .null {
                checkValue(values[name]!, against: valueSpec, at: base.appending(name), context: &context)
            }
        }
    }

    private func checkExpectations(_ expectations: [AmountExpectation], model: ModelOperationsSpec, context: inout CheckContext) {
        for (index, expectation) in expectations.enumerated() where !model.expectationFields.contains(expectation.field) {
            let known = model.expectationFields.isEmpty ? "this model reads back no amounts" : "use one of \(MessageText.quotedList(model.expectationFields))"
            context.report(JSONPointer(tokens: ["expectations", String(index), "field"]), "expectation_field", "expectation field \(MessageText.quote(expectation.field)) is not read back from \(MessageText.quote(model.model))", fix: known)
        }
    }

    // MARK: - Values

    private func checkValue(_ value: TargetValue, against valueSpec: OperationValueSpec, at pointer: JSONPointer, context: inout CheckContext) {
        guard ValueKindMatcher.matches(value, valueSpec.kind) else {
            context.report(pointer, "value_kind", "expected \(phrase(for: valueSpec)) but found \(ValueKindMatcher.describe(value))", fix: "write the value as \(ValueKindMatcher.form(of: valueSpec.kind))")
            return
        }
        switch value {
        case .json(.string(let text)):
            checkString(text, against: valueSpec, at: pointer, context: &context)
        case .date(let text) where !StringFormat.date.accepts(text):
            context.report(pointer, "value_kind", "date \(MessageText.quote(text)) is not a date (YYYY-MM-DD)", fix: "write the date as YYYY-MM-DD, such as \"2026-12-31\"")
        case .reference(let reference):
            checkReference(reference, against: valueSpec, at: pointer, context: &context)
        case .list(let elements):
            guard let items = valueSpec.items else { return }
            for (index, element) in elements.enumerated() {
                checkValue(element, against: items, at: pointer.appending(index), context: &context)
            }
        case .record(let fields):
            checkValues(fields, against: valueSpec.fields ?? [:], at: pointer, context: &context)
        default:
            break
        }
    }

    private func checkString(_ text: String, against valueSpec: OperationValueSpec, at pointer: JSONPointer, context: inout CheckContext) {
        if let allowed = valueSpec.allowedValues, !allowed.contains(text) {
            let hint = MessageText.didYouMean(text, among: allowed)
            context.report(pointer, "value_kind", "value \(MessageText.quote(text)) is not allowed", fix: "\(hint)expected one of \(MessageText.quotedList(allowed))")
        }
        if let pattern = valueSpec.pattern, !ValuePatterns.matches(text, pattern: pattern) {
            context.report(pointer, "value_kind", "value \(MessageText.quote(text)) does not match \(MessageText.quote(pattern))", fix: "change the value to match \(MessageText.quote(pattern))")
        }
    }

    private func checkReference(_ reference: TargetReference, against valueSpec: OperationValueSpec, at pointer: JSONPointer, context: inout CheckContext) {
        let allowedModels = valueSpec.model.map { [$0] } ?? spec.objects.map(\.name)
        guard allowedModels.contains(reference.model) else {
            context.report(pointer.appending("model"), "value_kind", "reference to model \(MessageText.quote(reference.model)) where \(MessageText.quotedList(allowedModels)) is expected", fix: "refer to a record of \(MessageText.quotedList(allowedModels))")
            return
        }
    }

    /// Describes a value spec for messages: `reference to "res.partner"`, `list`, `money`.
    private func phrase(for valueSpec: OperationValueSpec) -> String {
        if valueSpec.kind == .reference, let model = valueSpec.model {
            return "reference to \(MessageText.quote(model))"
        }
        return valueSpec.kind.rawValue
    }
}

/// The issues collected while checking one operation.
private struct CheckContext {
    let file: String?
    var issues: [ValidationIssue] = []

    mutating func report(_ pointer: JSONPointer, _ rule: String, _ message: String, fix: String) {
        issues.append(ValidationIssue(file: file, pointer: pointer, rule: rule, message: message, fix: fix))
    }
}
