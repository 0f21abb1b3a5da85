import LedgerportSDK

/// Reads a canonical JSON Schema document into ``SchemaNode``s.
///
/// It accepts the subset of JSON Schema 2020-12 that canonical schemas use:
/// `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `const`, `format`, `pattern`, `anyOf` (for "this or null"), local `$ref`
/// into `$defs`, and the annotations `$schema`, `$id`, `title` and
/// `description`. Any other keyword is an error, so a schema never says more
/// than the mapping validator understands. `$ref` to `#/$defs/money` and
/// `#/$defs/decimal` marks ``Money`` and ``ExactDecimal`` values.
package struct SchemaLoader {
    private static let keywords: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
        "additionalProperties", "items", "enum", "const", "format", "pattern", "anyOf",
    ]

    private let definitions: JSONObject
    private let file: String

    /// Loads the root node of `document`; `file` names the document in errors.
    package static func load(_ document: JSONValue, file: String) throws(SchemaLoadError) -> SchemaNode {
        let definitions = document["$defs"]?.objectValue ?? [:]
        let loader = SchemaLoader(definitions: definitions, file: file)
        return try loader.node(document, at: .root, role: nil, depth: 0)
    }

    private func node(_ schema: JSONValue, at pointer: JSONPointer, role: SchemaRole?, depth: Int) throws(SchemaLoadError) -> SchemaNode {
        guard depth < 64 else {
            throw SchemaLoadError(file: file, pointer: pointer, message: "schema nesting exceeds 64 levels; look for a $ref cycle")
        }
        guard case .object(let members) = schema else {
            throw SchemaLoadError(file: file, pointer: pointer, message: "a schema must be an object, found \(schema.typeName)")
        }
        if let unknown = members.keys.sorted().first(where: { !Self.keywords.contains($0) }) {
            throw SchemaLoadError(
                file: file, pointer: pointer.appending(unknown),
                message: "keyword \"\(unknown)\" is outside the subset canonical schemas use; remove it or extend SchemaLoader"
            )
        }
        if let reference = members["$ref"] {
            return try resolve(reference, at: pointer.appending("$ref"), depth: depth)
        }
        if let alternatives = members["anyOf"] {
            return try union(alternatives, at: pointer.appending("anyOf"), depth: depth)
        }
        return try plainNode(members, at: pointer, role: role, depth: depth)
    }

    private func resolve(_ reference: JSONValue, at pointer: JSONPointer, depth: Int) throws(SchemaLoadError) -> SchemaNode {
        let prefix = "#/$defs/"
        guard let text = reference.stringValue, text.hasPrefix(prefix), let target = definitions[String(text.dropFirst(prefix.count))] else {
            throw SchemaLoadError(file: file, pointer: pointer, message: "$ref \(reference) does not name an entry of $defs; write \"#/$defs/<name>\"")
        }
        let name = String(text.dropFirst(prefix.count))
        return try node(target, at: JSONPointer(tokens: ["$defs", name]), role: SchemaRole(rawValue: name), depth: depth + 1)
    }

    /// Reads `anyOf: [X, {"type": "null"}]` as X made nullable, the only union canonical schemas use.
    private func union(_ alternatives: JSONValue, at pointer: JSONPointer, depth: Int) throws(SchemaLoadError) -> SchemaNode {
        guard let list = alternatives.arrayValue, list.count == 2, list[1] == ["type": "null"] else {
            throw SchemaLoadError(file: file, pointer: pointer, message: "anyOf must be [<schema>, {\"type\": \"null\"}] in a canonical schema")
        }
        let base = try node(list[0], at: pointer.appending(0), role: nil, depth: depth + 1)
        return SchemaNode(
            types: base.types.union([.null]), role: base.role, format: base.format, pattern: base.pattern,
            allowedValues: base.allowedValues, constant: base.constant, properties: base.properties,
            required: base.required, additionalProperties: base.additionalProperties, items: base.items, summary: base.summary
        )
    }

    private func plainNode(_ members: JSONObject, at pointer: JSONPointer, role: SchemaRole?, depth: Int) throws(SchemaLoadError) -> SchemaNode {
        var properties = [String: SchemaNode]()
        for (name, schema) in members["properties"]?.objectValue ?? [:] {
            properties[name] = try node(schema, at: pointer.appending("properties").appending(name), role: nil, depth: depth + 1)
        }
        let items = try members["items"].map { (schema: JSONValue) throws(SchemaLoadError) in
            try node(schema, at: pointer.appending("items"), role: nil, depth: depth + 1)
        }
        return SchemaNode(
            types: try types(members["type"], at: pointer.appending("type")),
            role: role,
            format: members["format"]?.stringValue,
            pattern: members["pattern"]?.stringValue,
            allowedValues: members["enum"]?.arrayValue,
            constant: members["const"],
            properties: properties,
            required: Set((members["required"]?.arrayValue ?? []).compactMap(\.stringValue)),
            additionalProperties: try additional(members["additionalProperties"], at: pointer.appending("additionalProperties"), depth: depth),
            items: items,
            summary: members["description"]?.stringValue
        )
    }

    private func types(_ value: JSONValue?, at pointer: JSONPointer) throws(SchemaLoadError) -> Set<SchemaType> {
        guard let value else {
            return Set(SchemaType.allCases)
        }
        let names = value.stringValue.map { [$0] } ?? (value.arrayValue ?? []).compactMap(\.stringValue)
        var result = Set<SchemaType>()
        for name in names {
            guard let type = SchemaType(rawValue: name) else {
                throw SchemaLoadError(file: file, pointer: pointer, message: "type \"\(name)\" is not a JSON Schema type")
            }
            result.insert(type)
        }
        guard !result.isEmpty else {
            throw SchemaLoadError(file: file, pointer: pointer, message: "type must be a type name or a list of them")
        }
        return result
    }

    private func additional(_ value: JSONValue?, at pointer: JSONPointer, depth: Int) throws(SchemaLoadError) -> AdditionalProperties {
        switch value {
        case nil, .bool(true): return .allowed
        case .bool(false): return .forbidden
        case let schema?: return .schema(try node(schema, at: pointer, role: nil, depth: depth + 1))
        }
    }
}

/// A canonical schema that the loader cannot read.
package struct SchemaLoadError: Error, Sendable, CustomStringConvertible {
    /// The schema file.
    package var file: String
    /// The place of the problem in the schema.
    package var pointer: JSONPointer
    /// The problem and its fix.
    package var message: String

    /// `load schema FILE#POINTER: message`.
    package var description: String {
        "load schema \(file)#\(pointer): \(message)"
    }
}
