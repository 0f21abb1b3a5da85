import LedgerportSDK

extension MappingCompiler {
    /// The schema of `context.*`: what ``EvaluationContext`` exposes to mappings.
    static let contextSchema = SchemaNode(
        types: [.object],
        properties: [
            "tenant_id": SchemaNode(types: [.string], summary: "The tenant the event belongs to."),
            "time_zone": SchemaNode(types: [.string], summary: "The tenant's IANA time zone, such as Europe/Berlin."),
        ],
        required: ["tenant_id", "time_zone"],
        additionalProperties: .forbidden,
        summary: "The evaluation context."
    )

    /// The result of resolving a path: the path, and whether it can be missing or null in a valid document.
    struct ResolvedPath {
        var path: FieldPath
        /// The reason the value can be missing (a member the schema does not require), or nil when it cannot.
        var missingReason: String?
        /// The reason the value can be null, or nil when it cannot.
        var nullReason: String?
    }

    /// Compiles `{"path": "...", "missing": ..., "null": ..., "empty": ...}`.
    mutating func compilePathRead(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let resolved = resolvePath(call.operand, at: call.operandPointer, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        let kind = resolved.path.kind
        let missing = pathPolicy(call, "missing", reason: resolved.missingReason, path: resolved.path)
        let null = pathPolicy(call, "null", reason: resolved.nullReason, path: resolved.path)
        var empty = FieldPolicy.accept
        if let value = call.options["empty"] {
            if kind.canBeEmpty {
                empty = compilePolicy(value, at: call.optionPointer("empty"), kind: kind, allowAccept: true) ?? .accept
            } else {
                report(.invalidValue, at: call.optionPointer("empty"), "\(resolved.path) is a \(kind), which is never empty", fix: "remove \"empty\"")
            }
        }
        var type = StaticType(kind)
        for policy in [missing, null, empty] {
            type = type.joined(with: Self.type(of: policy, kind: kind))
        }
        return Expression(.path(PathRead(path: resolved.path, missing: missing, null: null, empty: empty)), type: type, pointer: call.pointer)
    }

    private mutating func pathPolicy(_ call: OperatorCall, _ state: String, reason: String?, path: FieldPath) -> FieldPolicy {
        guard let value = call.options[state] else {
            if let reason {
                report(.policyRequired, at: call.pointer, "\(path) can be \(state) (\(reason)) and the mapping does not say what to do then",
                    fix: "add \"\(state)\": \"omit\" (leave the target field out), \"clear\" (send null), \"reject\" (fail the event) or {\"value\": ...}")
            }
            return .reject(nil)
        }
        return compilePolicy(value, at: call.optionPointer(state), kind: path.kind, allowAccept: false) ?? .reject(nil)
    }

    private static func type(of policy: FieldPolicy, kind: ValueKind) -> StaticType {
        switch policy {
        case .accept, .reject: StaticType(kind)
        case .omit: StaticType(kind, mayBeAbsent: true)
        case .clear: StaticType(kind, mayBeNull: true)
        case .value(let value): StaticType(kind, mayBeNull: value.isNull)
        }
    }

    /// Compiles `{"is_missing": "path"}` and its siblings, which test a field's state instead of reading it.
    mutating func compileFieldTest(_ call: OperatorCall, scope: Scope) -> Expression {
        guard let resolved = resolvePath(call.operand, at: call.operandPointer, scope: scope) else {
            return Self.invalid(at: call.pointer)
        }
        let state = FieldState(rawValue: String(call.name.dropFirst("is_".count)))!
        if state == .empty && !resolved.path.kind.canBeEmpty {
            report(.typeMismatch, at: call.pointer, "\(resolved.path) is a \(resolved.path.kind), which is never empty", fix: "test is_missing or is_null instead")
        }
        return Expression(.fieldTest(state, resolved.path), type: .boolean, pointer: call.pointer)
    }

    /// Resolves path text against the schemas and the scope, reporting unknown fields with the closest known name.
    mutating func resolvePath(_ value: JSONValue, at pointer: JSONPointer, scope: Scope) -> ResolvedPath? {
        guard let text = value.stringValue, !text.isEmpty else {
            report(.typeMismatch, at: pointer, "a path must be text such as \"object.total\", found \(value.typeName)", fix: "write the path as a string")
            return nil
        }
        var tokens = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !tokens.contains("") else {
            report(.invalidValue, at: pointer, "path \"\(text)\" has an empty segment", fix: "separate member names with single dots, such as \"object.address.city\"")
            return nil
        }
        var rootName = tokens.removeFirst()
        if rootName == "event", tokens.first == "object" {
            rootName = "object"
            tokens.removeFirst()
        }
        guard let (root, start) = pathRoot(rootName, scope: scope, at: pointer) else {
            return nil
        }
        return walk(tokens, from: start, root: root, text: text, at: pointer)
    }

    private mutating func pathRoot(_ name: String, scope: Scope, at pointer: JSONPointer) -> (FieldPath.Root, StaticType)? {
        switch name {
        case "event":
            guard let envelopeSchema else { return nil }
            return (.event, StaticType(.object(envelopeSchema)))
        case "object":
            guard let objectSchema else { return nil }
            return (.object, StaticType(.object(objectSchema)))
        case "context":
            return (.context, StaticType(.object(Self.contextSchema)))
        default:
            guard let type = scope.variables[name] else {
                let known = Scope.roots.union(scope.variables.keys)
                report(.unknownVariable, at: pointer, "\"\(name)\" is not a path root or a variable in scope", fix: Suggestion.fix(for: name, among: known, noun: "root"))
                return nil
            }
            return (.variable(name), type)
        }
    }

    private mutating func walk(_ tokens: [String], from start: StaticType, root: FieldPath.Root, text: String, at pointer: JSONPointer) -> ResolvedPath? {
        var kind = start.kind
        var node: SchemaNode?
        var missingReason: String? = start.mayBeAbsent ? "the variable can be absent" : nil
        var nullReason: String? = start.mayBeNull ? "the variable can be null" : nil
        var walked = [String]()
        for token in tokens {
            let here = ([Self.rootName(root)] + walked).joined(separator: ".")
            guard let step = self.step(into: kind, token: token, here: here, at: pointer) else {
                return nil
            }
            walked.append(token)
            let name = ([Self.rootName(root)] + walked).joined(separator: ".")
            if step.canBeMissing, missingReason == nil { missingReason = "\(name) is optional" }
            if step.canBeNull, nullReason == nil { nullReason = "\(name) is nullable" }
            node = step.node
            kind = step.kind
        }
        if tokens.isEmpty, case .object(let rootNode) = kind {
            node = rootNode
        }
        let path = FieldPath(root: root, tokens: tokens, text: text, leaf: node, kind: kind)
        return ResolvedPath(path: path, missingReason: missingReason, nullReason: nullReason)
    }

    private struct Step {
        var kind: ValueKind
        var node: SchemaNode?
        var canBeMissing: Bool
        var canBeNull: Bool
    }

    private mutating func step(into kind: ValueKind, token: String, here: String, at pointer: JSONPointer) -> Step? {
        switch kind {
        case .object(let node):
            return step(into: node, token: token, here: here, at: pointer)
        case .record(let fields):
            guard let field = fields[token] else {
                report(.unknownSourceField, at: pointer, "the record \(here) has no field \"\(token)\"", fix: Suggestion.fix(for: token, among: fields.keys, noun: "field"))
                return nil
            }
            return Step(kind: field.kind, node: nil, canBeMissing: field.mayBeAbsent, canBeNull: field.mayBeNull)
        case .list(let element) where Int(token) != nil:
            return Step(kind: element, node: nil, canBeMissing: true, canBeNull: false)
        case .any:
            return Step(kind: .any, node: nil, canBeMissing: true, canBeNull: true)
        default:
            report(.typeMismatch, at: pointer, "\(here) is a \(kind) and has no member \"\(token)\"", fix: "end the path at \(here)")
            return nil
        }
    }

    private mutating func step(into node: SchemaNode, token: String, here: String, at pointer: JSONPointer) -> Step? {
        if node.types.contains(.array), let items = node.items, Int(token) != nil {
            return Step(kind: items.valueKind, node: items, canBeMissing: true, canBeNull: items.isNullable)
        }
        if let child = node.properties[token] {
            return Step(kind: child.valueKind, node: child, canBeMissing: !node.required.contains(token), canBeNull: child.isNullable)
        }
        if node.types.contains(.object), case .schema(let child) = node.additionalProperties {
            return Step(kind: child.valueKind, node: child, canBeMissing: true, canBeNull: child.isNullable)
        }
        let fix = node.properties.isEmpty ? "end the path at \(here)" : Suggestion.fix(for: token, among: node.properties.keys, noun: "field")
        report(.unknownSourceField, at: pointer, "\(here) has no field \"\(token)\"", fix: fix)
        return nil
    }

    private static func rootName(_ root: FieldPath.Root) -> String {
        switch root {
        case .event: "event"
        case .object: "object"
        case .context: "context"
        case .variable(let name): name
        }
    }
}
