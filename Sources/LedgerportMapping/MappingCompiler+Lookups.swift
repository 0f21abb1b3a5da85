import LedgerportSDK

extension MappingCompiler {
    private static let lookupMembers: Set<String> = ["description", "entries", "default"]

    /// Reads `lookups`. Every table must declare what a key without an entry gives.
    mutating func compileLookups(_ value: JSONValue?, at pointer: JSONPointer) {
        guard let value else { return }
        guard let tables = value.objectValue else {
            report(.typeMismatch, at: pointer, "lookups must be an object of named tables", fix: "write {\"<name>\": {\"entries\": {...}, \"default\": ...}}")
            return
        }
        for name in tables.keys.sorted() {
            if let table = compileLookup(name, tables[name]!, at: pointer.appending(name)) {
                lookups[name] = table
            }
        }
    }

    private mutating func compileLookup(_ name: String, _ value: JSONValue, at pointer: JSONPointer) -> LookupTable? {
        guard Identifier.isSnakeCase(name) else {
            report(.invalidValue, at: pointer, "lookup name \"\(name)\" is not snake_case", fix: "rename it with lowercase letters, digits and underscores")
            return nil
        }
        guard let members = requireObject(value, at: pointer, expecting: "\"entries\" and \"default\"") else {
            return nil
        }
        reportUnknownMembers(members, allowed: Self.lookupMembers, at: pointer)
        guard let entries = members["entries"]?.objectValue else {
            report(.invalidDocument, at: pointer.appending("entries"), "lookup \(name) has no entries object", fix: "add \"entries\": {} with source keys and target values; it may be empty when tenants supply entries")
            return nil
        }
        guard let defaultValue = members["default"] else {
            report(.lookupWithoutDefault, at: pointer, "lookup \(name) has no default",
                fix: "add \"default\": {\"value\": ...} for a fallback value, \"omit\" to leave the field out, or {\"reject\": \"<what to do>\"} to fail the event")
            return nil
        }
        var kind = entries.values.reduce(ValueKind.null) { $0.joined(with: Self.kind(ofEntry: $1)) }
        let fallback = compilePolicy(defaultValue, at: pointer.appending("default"), kind: .any, allowAccept: false)
        if case .value(.json(let constant))? = fallback {
            kind = kind.joined(with: Self.kind(ofEntry: constant))
        }
        guard let fallback else { return nil }
        return LookupTable(name: name, entries: entries.dictionary, fallback: fallback, kind: kind == .null ? .any : kind)
    }

    private static func kind(ofEntry value: JSONValue) -> ValueKind {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .number(let number): number.isInteger ? .integer : .decimal
        case .string: .string
        case .array: .list(.any)
        case .object: .any
        }
    }

    /// Reads a policy for a missing, null or empty value, or a lookup default:
    /// `"accept"`, `"omit"`, `"clear"`, `"reject"`, `{"reject": "<hint>"}` or `{"value": <constant>}`.
    mutating func compilePolicy(_ value: JSONValue, at pointer: JSONPointer, kind: ValueKind, allowAccept: Bool) -> FieldPolicy? {
        let names = allowAccept ? "\"accept\", \"omit\", \"clear\", \"reject\"" : "\"omit\", \"clear\", \"reject\""
        let fix = "use \(names), {\"reject\": \"<what to do>\"} or {\"value\": <constant>}"
        switch value {
        case .string("accept") where allowAccept: return .accept
        case .string("omit"): return .omit
        case .string("clear"): return .clear
        case .string("reject"): return .reject(nil)
        case .object(let members) where members.count == 1:
            if let hint = members["reject"]?.stringValue {
                return .reject(hint)
            }
            if let constant = members["value"] {
                do {
                    return .value(try RuntimeValue(json: constant, kind: kind))
                } catch {
                    report(.typeMismatch, at: pointer.appending("value"), "\(constant) is not a \(kind)", fix: "write a \(kind) value")
                    return nil
                }
            }
        default: break
        }
        report(.invalidValue, at: pointer, "\(value) is not a policy", fix: fix)
        return nil
    }
}
