import LedgerportJSONSchema
import LedgerportSDK

extension SpecLinter {
    /// Checks the operations of a target spec.
    ///
    /// - `duplicate_name`: each model is listed once;
    /// - `unknown_object`: each model, and each reference's model, is one of this spec's objects;
    /// - `expectation_field`: each expectation field is a property of the model's object schema;
    /// - `value_spec`: each value uses only the members its kind takes (`model` for references,
    ///   `items` for lists, `fields` for records, `enum` and `pattern` for strings) and has the
    ///   ones it needs, and a default fits its kind;
    /// - `pattern`: every regular expression compiles.
    mutating func lintOperations() {
        var seen = Set<String>()
        for (index, model) in spec.operations.enumerated() {
            let base = JSONPointer(tokens: ["operations", String(index)])
            if !seen.insert(model.model).inserted {
                report(base.appending("model"), "duplicate_name", "model \(MessageText.quote(model.model)) is listed twice", fix: "merge its actions into one entry")
            }
            lintModelName(model.model, at: base.appending("model"))
            lintExpectationFields(model, at: base.appending("expectation_fields"))
            if let pattern = model.externalIDPattern, let problem = SpecLinter.patternProblem(pattern) {
                report(base.appending("external_id_pattern"), "pattern", problem, fix: "correct the expression (ICU syntax)")
            }
            if model.actions.isEmpty {
                report(base.appending("actions"), "value_spec", "model \(MessageText.quote(model.model)) lists no action", fix: "list at least one action, such as \"upsert\"")
            }
            for action in model.actions.keys.sorted() {
                let valuesBase = base.appending("actions").appending(action).appending("values")
                for name in model.actions[action]!.values.keys.sorted() {
                    lintValue(model.actions[action]!.values[name]!, at: valuesBase.appending(name))
                }
            }
        }
    }

    private mutating func lintModelName(_ name: String, at pointer: JSONPointer) {
        let objectNames = spec.objects.map(\.name)
        guard !objectNames.contains(name) else {
            return
        }
        let hint = MessageText.didYouMean(name, among: objectNames)
        report(pointer, "unknown_object", "model \(MessageText.quote(name)) is not one of this spec's objects", fix: "\(hint)describe it under \"objects\" or use one of \(MessageText.quotedList(objectNames))")
    }

    private mutating func lintExpectationFields(_ model: ModelOperationsSpec, at base: JSONPointer) {
        guard let properties = spec.object(named: model.model)?.schema["properties"]?.objectValue else {
            return
        }
        for (index, field) in model.expectationFields.enumerated() where properties[field] == nil {
            let hint = MessageText.didYouMean(field, among: properties.keys)
            report(base.appending(index), "expectation_field", "expectation field \(MessageText.quote(field)) is not a property of the \(MessageText.quote(model.model)) schema", fix: "\(hint)add it to the object's schema so it is read back, or remove it")
        }
    }

    private mutating func lintValue(_ value: OperationValueSpec, at pointer: JSONPointer) {
        lintValueMembers(value, at: pointer)
        if let model = value.model {
            lintModelName(model, at: pointer.appending("model"))
        }
        if let pattern = value.pattern, let problem = SpecLinter.patternProblem(pattern) {
            report(pointer.appending("pattern"), "pattern", problem, fix: "correct the expression (ICU syntax)")
        }
        if let defaultValue = value.defaultValue {
            lintDefault(defaultValue, of: value, at: pointer.appending("default"))
        }
        if let items = value.items {
            lintValue(items, at: pointer.appending("items"))
        }
        for name in (value.fields ?? [:]).keys.sorted() {
            lintValue(value.fields![name]!, at: pointer.appending("fields").appending(name))
        }
    }

    /// Reports members that the value's kind does not take, and members it needs but lacks.
    private mutating func lintValueMembers(_ value: OperationValueSpec, at pointer: JSONPointer) {
        let kind = value.kind.rawValue
        let present: [(member: String, isPresent: Bool, allowedKinds: [OperationValueSpec.Kind])] = [
            ("model", value.model != nil, [.reference]),
            ("items", value.items != nil, [.list]),
            ("fields", value.fields != nil, [.record]),
            ("enum", value.allowedValues != nil, [.string]),
            ("pattern", value.pattern != nil, [.string]),
        ]
        for entry in present where entry.isPresent && !entry.allowedKinds.contains(value.kind) {
            report(pointer.appending(entry.member), "value_spec", "a value of kind \(MessageText.quote(kind)) does not take \(MessageText.quote(entry.member))", fix: "remove \(MessageText.quote(entry.member)), or change the kind to \(MessageText.quote(entry.allowedKinds[0].rawValue))")
        }
        if value.kind == .list, value.items == nil {
            report(pointer, "value_spec", "a list value has no \"items\"", fix: "describe the elements in \"items\", such as {\"kind\": \"string\", \"description\": \"...\"}")
        }
        if value.kind == .record, value.fields == nil {
            report(pointer, "value_spec", "a record value has no \"fields\"", fix: "describe the record's values in \"fields\"")
        }
    }

    /// Checks a default with the same rules as an operation's value, so a default always fits its kind.
    private mutating func lintDefault(_ defaultValue: JSONValue, of value: OperationValueSpec, at pointer: JSONPointer) {
        guard let targetValue = try? TargetValue(json: defaultValue) else {
            report(pointer, "value_spec", "default \(MessageText.describe(defaultValue)) is not a valid target value", fix: "write it as \(ValueKindMatcher.form(of: value.kind))")
            return
        }
        for issue in OperationChecker(spec: spec).check(targetValue, against: value, at: pointer) {
            report(issue.pointer, "value_spec", "default: \(issue.message)", fix: issue.fix)
        }
    }
}
