import LedgerportSDK

extension MappingCompiler {
    /// Checks the fields an operation or a nested record sets against what the target takes:
    /// unknown fields, missing or possibly omitted required fields, and mismatched types.
    mutating func checkFields(_ values: [String: Expression], against fields: TargetFields, at pointer: JSONPointer, subject: String) {
        for name in values.keys.sorted() {
            let expression = values[name]!
            guard let field = fields[name] else {
                report(.unknownTargetField, at: expression.pointer, "\(subject) has no target field \"\(name)\"", fix: Suggestion.fix(for: name, among: fields.keys, noun: "field"))
                continue
            }
            checkValue(expression, against: field, name: name)
        }
        for name in fields.keys.sorted() where fields[name]!.isRequired && values[name] == nil {
            report(.missingTargetField, at: pointer, "\(subject) lacks the required field \"\(name)\" (\(fields[name]!.kind))", fix: "add \"\(name)\" with a \(fields[name]!.kind) expression")
        }
    }

    private mutating func checkValue(_ expression: Expression, against field: TargetField, name: String) {
        if field.isRequired && expression.type.mayBeAbsent {
            report(.missingTargetField, at: expression.pointer, "the required field \"\(name)\" may be omitted",
                fix: "give it a value in every case: add a fallback with coalesce, or make the path's policies \"reject\" or {\"value\": ...}")
        }
        if field.isRequired && expression.type.mayBeNull {
            report(.missingTargetField, at: expression.pointer, "the required field \"\(name)\" may be null", fix: "use \"omit\", \"reject\" or {\"value\": ...} instead of \"clear\"")
        }
        checkKind(expression, against: field.kind, name: name)
    }

    private mutating func checkKind(_ expression: Expression, against kind: TargetFieldKind, name: String) {
        switch kind {
        case .list(.record(let fields)):
            for record in Self.recordExpressions(in: expression) {
                if case .record(let values) = record.node {
                    checkFields(values, against: fields, at: record.pointer, subject: "each record of \"\(name)\"")
                }
            }
        case .record(let fields):
            if case .record(let values) = expression.node {
                checkFields(values, against: fields, at: expression.pointer, subject: "the record \"\(name)\"")
            }
        case .oneOf(let allowed):
            if case .constant(.json(.string(let text))) = expression.node, !allowed.contains(text) {
                report(.invalidValue, at: expression.pointer, "\"\(text)\" is not a valid \(name)", fix: Suggestion.fix(for: text, among: allowed, noun: "value"))
            }
        default:
            break
        }
        guard !expression.type.kind.fits(kind) else {
            return
        }
        report(.typeMismatch, at: expression.pointer, "target field \"\(name)\" takes \(kind), but this expression gives \(expression.type.kind)", fix: Self.conversionHint(from: expression.type.kind, to: kind))
    }

    /// Collects the record-building expressions that make up a list, looking through iterations, flattening and conditionals.
    private static func recordExpressions(in expression: Expression) -> [Expression] {
        switch expression.node {
        case .record: [expression]
        case .list(let elements): elements.flatMap(recordExpressions)
        case .each(_, let value): recordExpressions(in: value)
        case .flatten(let lists): lists.flatMap(recordExpressions)
        case .conditional(_, let then, let otherwise): recordExpressions(in: then) + (otherwise.map(recordExpressions) ?? [])
        case .coalesce(let operands): operands.flatMap(recordExpressions)
        default: []
        }
    }

    private static func conversionHint(from kind: ValueKind, to target: TargetFieldKind) -> String {
        switch (kind, target) {
        case (.money, .decimal): "convert the amount to major units with {\"to_decimal\": ...}"
        case (.dateTime, .date): "place the instant in the tenant's time zone with {\"date\": ...}"
        case (.string, .reference): "wrap the external id in {\"ref\": {\"model\": ..., \"external_id\": ...}}"
        case (.decimal, .money), (.integer, .money): "build an amount with {\"to_money\": ..., \"currency\": ...}"
        default: "give the field a \(target) value"
        }
    }
}

extension ValueKind {
    /// Returns whether a value of this kind can be sent to a target field of `target`'s kind.
    /// Values known only at run time fit everything, and integers fit decimal fields.
    func fits(_ target: TargetFieldKind) -> Bool {
        switch (self, target) {
        case (.any, _), (.null, _), (_, .json): true
        case (.integer, .integer): true
        case (.string, .string), (.string, .oneOf), (.boolean, .boolean), (.money, .money), (.date, .date): true
        case (.decimal, .decimal), (.integer, .decimal): true
        case (.reference(let model), .reference(let expected)): model == nil || expected == nil || model == expected
        case (.list(let element), .list(let expected)): element.fits(expected)
        case (.record, .record): true
        default: false
        }
    }
}
