import LedgerportSDK

extension MappingCompiler {
    /// Compiles `{"lookup": "<table>", "key": <expression>, "field": "<member>"}`.
    mutating func compileLookupCall(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let name = call.operand.stringValue else {
            report(.typeMismatch, at: call.operandPointer, "lookup takes the name of a table, found \(call.operand.typeName)", fix: "write {\"lookup\": \"<table>\", \"key\": ...}")
            return Self.invalid(at: call.pointer)
        }
        guard let table = lookups[name] else {
            report(.unknownLookup, at: call.operandPointer, "lookup table \"\(name)\" is not defined",
                fix: lookups.isEmpty ? "define it under \"lookups\"" : Suggestion.fix(for: name, among: lookups.keys, noun: "table"))
            return Self.invalid(at: call.pointer)
        }
        guard let keyJSON = call.options["key"] else {
            report(.invalidDocument, at: call.pointer, "lookup \(name) has no \"key\"", fix: "add \"key\": {\"path\": ...}")
            return Self.invalid(at: call.pointer)
        }
        let key = compileExpression(keyJSON, at: call.optionPointer("key"), scope: scope)
        expect(key, "a string or an integer", role: "the lookup key") { $0 == .string || $0 == .integer }
        var field: String?
        if let value = call.options["field"] {
            field = value.stringValue
            if field == nil {
                report(.typeMismatch, at: call.optionPointer("field"), "field must be a member name, found \(value.typeName)", fix: "write \"field\": \"journal_code\"")
            }
        }
        let kind: ValueKind = field == nil ? table.kind : .any
        var type = StaticType(kind)
        switch table.fallback {
        case .omit: type = type.orAbsent()
        case .clear: type.mayBeNull = true
        case .accept, .reject, .value: break
        }
        if field != nil {
            type = type.orAbsent()
        }
        return Expression(.lookup(LookupCall(table: name, key: key, field: field)), type: type, pointer: call.pointer)
    }

    /// Compiles `{"ref": {"model": "res.partner", "external_id": <expression>}}`.
    mutating func compileReference(_ call: OperatorCall, scope: Scope) -> Expression {
        guard case .object(let members) = call.operand, let model = members["model"]?.stringValue, let idJSON = members["external_id"], members.count == 2 else {
            report(.typeMismatch, at: call.operandPointer, "ref takes {\"model\": ..., \"external_id\": ...}", fix: Self.referenceFix(call.operand))
            return Self.invalid(at: call.pointer)
        }
        if let catalog, catalog.models[model] == nil {
            report(.unknownModel, at: call.operandPointer.appending("model"), "\"\(model)\" is not a model of \(catalog.connector)", fix: Suggestion.fix(for: model, among: catalog.models.keys, noun: "model"))
        }
        let externalID = compileExpression(idJSON, at: call.operandPointer.appending("external_id"), scope: scope)
        expect(externalID, "a string", role: "the external id") { $0 == .string }
        expectNotNull(externalID, role: "the external id")
        checkExternalIDLiteral(externalID)
        let type = StaticType(.reference(model: model), mayBeAbsent: externalID.type.mayBeAbsent)
        return Expression(.reference(model: model, externalID: externalID), type: type, pointer: call.pointer)
    }

    /// Reports a constant external id that the target would reject.
    mutating func checkExternalIDLiteral(_ expression: Expression) {
        guard case .constant(.json(.string(let text))) = expression.node, !ExternalID.isValid(text) else {
            return
        }
        report(.invalidExternalID, at: expression.pointer, "external id \"\(text)\" may only hold lowercase letters, digits and underscores",
            fix: "write it in lowercase, or build it with {\"external_id\": [...]}, which normalises its parts")
    }

    /// Compiles `external_id` and `concat`, which both join parts into one string.
    mutating func compileJoin(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let parts = compileOperands(call, count: 1...Int.max, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        for part in parts {
            expect(part, "a string, a number or a date", role: "each part of \(call.name)") { [.string, .integer, .decimal, .date].contains($0) }
            expectNotNull(part, role: "each part of \(call.name)")
        }
        let type = StaticType(.string, mayBeAbsent: parts.contains { $0.type.mayBeAbsent })
        let node: ExpressionNode = call.name == "external_id" ? .externalID(parts) : .concat(parts)
        return Expression(node, type: type, pointer: call.pointer)
    }

    /// Compiles `trim`, `lowercase`, `uppercase` and `email`.
    mutating func compileText(_ call: OperatorCall, scope: Scope) -> Expression {
        let operand = compileExpression(call.operand, at: call.operandPointer, scope: scope)
        expect(operand, "a string", role: "the operand of \(call.name)") { $0 == .string }
        let transform = TextTransform(rawValue: call.name)!
        return Expression(.text(transform, operand), type: StaticType(.string, mayBeAbsent: operand.type.mayBeAbsent, mayBeNull: operand.type.mayBeNull), pointer: call.pointer)
    }

    /// Compiles `{"coalesce": [a, b, ...]}`: the first operand that gives a value.
    mutating func compileCoalesce(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let operands = compileOperands(call, count: 2...Int.max, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        var kind = ValueKind.null
        for operand in operands {
            kind = kind.joined(with: operand.type.kind)
        }
        let type = StaticType(kind, mayBeAbsent: operands.allSatisfy(\.type.mayBeAbsent), mayBeNull: operands.contains(where: \.type.mayBeNull))
        return Expression(.coalesce(operands), type: type, pointer: call.pointer)
    }
}

/// The rule for external ids: lowercase ASCII letters, digits and underscores.
package enum ExternalID {
    /// Whether `text` is a valid external id.
    package static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Joins parts with `_`, lowercases ASCII letters and turns every other character into `_`.
    ///
    /// Source ids that differ only in letter case (`in_Ab` and `in_aB`) give the
    /// same external id. Stripe's ids are random base-62 strings of 14 or more
    /// characters, so two ids of one object type that differ only in case are
    /// not expected in practice, but the mapping cannot rule it out.
    package static func normalized(_ parts: [String]) -> String {
        var bytes = [UInt8]()
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "_")) }
            for scalar in part.unicodeScalars {
                bytes.append(normalizedByte(scalar))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func normalizedByte(_ scalar: Unicode.Scalar) -> UInt8 {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39, 0x5F: UInt8(scalar.value)
        case 0x41...0x5A: UInt8(scalar.value + 32)
        default: UInt8(ascii: "_")
        }
    }
}

extension MappingCompiler {
    /// Returns the fix for a malformed `ref`: the expected shape, keeping the model the mapping wrote when it wrote one.
    ///
    /// A fixed example model would point the reference at the wrong kind of
    /// record when copied (a customer for an invoice line's product).
    static func referenceFix(_ operand: JSONValue) -> String {
        guard case .object(let members) = operand, let model = members["model"]?.stringValue else {
            return "write {\"ref\": {\"model\": <target model>, \"external_id\": <expression>}}, "
                + "such as {\"ref\": {\"model\": \"res.partner\", \"external_id\": {\"external_id\": [\"stripe_customer\", {\"path\": \"object.customer_id\"}]}}}"
        }
        return "write {\"ref\": {\"model\": \"\(model)\", \"external_id\": <expression>}} with exactly these two members"
    }
}
