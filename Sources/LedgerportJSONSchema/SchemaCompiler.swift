import Foundation
import LedgerportSDK

/// Turns a schema document into ``SchemaNode``s, collecting every problem instead of stopping at the first.
///
/// Each subschema gets one node, indexed by its location in the document, so a
/// `$ref` to a location already compiled reuses that node. References are
/// resolved after the walk. A reference to a location that no other keyword
/// compiled compiles it then. Unused `$defs` are compiled too, so their mistakes show.
struct SchemaCompiler {
    let document: JSONValue
    let file: String?
    private(set) var nodes: [SchemaNode] = []
    private(set) var issues: [ValidationIssue] = []
    private var nodeIndexByLocation: [JSONPointer: Int] = [:]
    private var pendingReferences: [(node: Int, target: JSONPointer, keyword: JSONPointer)] = []

    init(document: JSONValue, file: String?) {
        self.document = document
        self.file = file
    }

    /// Compiles the whole document and returns the root node's index.
    mutating func compileDocument() -> Int {
        let root = compile(document, at: .root)
        resolveReferences()
        if issues.isEmpty {
            reportReferenceCycles()
        }
        return root
    }

    // MARK: - Nodes

    /// Compiles the schema `value` found at `location`, or returns the node already compiled there.
    mutating func compile(_ value: JSONValue, at location: JSONPointer) -> Int {
        if let existing = nodeIndexByLocation[location] {
            return existing
        }
        let index = nodes.count
        nodes.append(SchemaNode(location: location))
        nodeIndexByLocation[location] = index

        switch value {
        case .bool(let flag):
            nodes[index].constantResult = flag
        case .object(let members):
            var node = nodes[index]
            for key in members.keys.sorted() {
                compileKeyword(key, members[key]!, into: &node, nodeIndex: index)
            }
            nodes[index] = node
        default:
            report(location, "a schema must be an object or a boolean, but this is \(MessageText.describe(value))", fix: "replace it with a schema object such as {\"type\": \"string\"}")
        }
        return index
    }

    private mutating func compileKeyword(_ key: String, _ value: JSONValue, into node: inout SchemaNode, nodeIndex: Int) {
        let location = node.location.appending(key)
        switch key {
        case "type": node.types = readTypes(value, at: location)
        case "properties": node.properties = compileSchemaMap(value, at: location)
        case "required": node.required = readNameList(value, at: location)
        case "additionalProperties": node.additionalProperties = compileAdditionalProperties(value, at: location)
        case "propertyNames": node.propertyNames = compile(value, at: location)
        case "enum": node.enumeration = readEnumeration(value, at: location)
        case "const": node.constant = [value]
        case "pattern": node.pattern = readPattern(value, at: location)
        case "format": node.format = readFormat(value, at: location)
        case "items": node.items = compileItems(value, at: location)
        case "minItems": node.minItems = readCount(value, at: location)
        case "maxItems": node.maxItems = readCount(value, at: location)
        case "minLength": node.minLength = readCount(value, at: location)
        case "maxLength": node.maxLength = readCount(value, at: location)
        case "uniqueItems": node.uniqueItems = readFlag(value, at: location)
        case "minimum": node.minimum = readNumber(value, at: location)
        case "maximum": node.maximum = readNumber(value, at: location)
        case "exclusiveMinimum": node.exclusiveMinimum = readNumber(value, at: location)
        case "exclusiveMaximum": node.exclusiveMaximum = readNumber(value, at: location)
        case "allOf": node.allOf = compileSchemaList(value, at: location)
        case "anyOf": node.anyOf = compileSchemaList(value, at: location)
        case "oneOf": node.oneOf = compileSchemaList(value, at: location)
        case "$ref": readReference(value, at: location, nodeIndex: nodeIndex)
        case "$defs", "definitions": _ = compileSchemaMap(value, at: location)
        default: checkAnnotation(key, value, at: location)
        }
    }

    private mutating func checkAnnotation(_ key: String, _ value: JSONValue, at location: JSONPointer) {
        if key.hasPrefix(SchemaKeyword.extensionPrefix) {
            return
        }
        switch key {
        case "$schema", "$id", "$comment", "title", "description":
            if value.stringValue == nil {
                report(location, "\(MessageText.quote(key)) must be a string, but this is \(MessageText.describe(value))", fix: "write it as a JSON string")
            }
        case "examples":
            if value.arrayValue == nil {
                report(location, "\"examples\" must be an array, but this is \(MessageText.describe(value))", fix: "wrap the example in an array: [\(MessageText.describe(value))]")
            }
        case "deprecated":
            _ = readFlag(value, at: location)
        case "default":
            break
        default:
            let hint = MessageText.didYouMean(key, among: SchemaKeyword.all)
            report(location, "unknown keyword \(MessageText.quote(key))", fix: "\(hint)use a supported keyword (see docs/json-schema.md) or prefix a custom annotation with \"x-\"")
        }
    }

    // MARK: - Subschemas

    private mutating func compileSchemaMap(_ value: JSONValue, at location: JSONPointer) -> [String: Int] {
        guard let members = value.objectValue else {
            report(location, "expected an object of schemas, but this is \(MessageText.describe(value))", fix: "write it as {\"name\": {schema}, ...}")
            return [:]
        }
        var result = [String: Int]()
        for name in members.keys.sorted() {
            result[name] = compile(members[name]!, at: location.appending(name))
        }
        return result
    }

    private mutating func compileSchemaList(_ value: JSONValue, at location: JSONPointer) -> [Int] {
        guard let elements = value.arrayValue, !elements.isEmpty else {
            report(location, "expected a non-empty array of schemas, but this is \(MessageText.describe(value))", fix: "write it as [{schema}, {schema}, ...]")
            return []
        }
        return elements.enumerated().map { offset, element in compile(element, at: location.appending(offset)) }
    }

    private mutating func compileAdditionalProperties(_ value: JSONValue, at location: JSONPointer) -> AdditionalProperties {
        switch value {
        case .bool(true): return .allowed
        case .bool(false): return .forbidden
        default: return .schema(compile(value, at: location))
        }
    }

    private mutating func compileItems(_ value: JSONValue, at location: JSONPointer) -> Int? {
        if value.arrayValue != nil {
            report(location, "\"items\" as an array (tuple validation) is not supported", fix: "use one schema for every item")
            return nil
        }
        return compile(value, at: location)
    }

    // MARK: - References

    private mutating func readReference(_ value: JSONValue, at location: JSONPointer, nodeIndex: Int) {
        guard let text = value.stringValue else {
            report(location, "\"$ref\" must be a string, but this is \(MessageText.describe(value))", fix: "write a local reference such as \"#/$defs/money\"")
            return
        }
        guard text.hasPrefix("#"), let decoded = String(text.dropFirst()).removingPercentEncoding,
            let target = JSONPointer(decoded)
        else {
            report(location, "reference \(MessageText.quote(text)) is not a local JSON Pointer reference", fix: "only references inside the same document are supported, such as \"#/$defs/money\"")
            return
        }
        pendingReferences.append((nodeIndex, target, location))
    }

    private mutating func resolveReferences() {
        while let (nodeIndex, target, keyword) = pendingReferences.popLast() {
            if let existing = nodeIndexByLocation[target] {
                nodes[nodeIndex].reference = existing
                continue
            }
            guard let value = target.resolve(in: document) else {
                report(keyword, "reference \(MessageText.quote("#" + target.description)) points to nothing in this document", fix: "define the schema there (for example under \"$defs\") or correct the reference")
                continue
            }
            nodes[nodeIndex].reference = compile(value, at: target)
        }
    }

    /// Reports a `$ref`, `allOf`, `anyOf` or `oneOf` chain that leads back to where it started
    /// without descending into a property or item, because validating it would never end.
    private mutating func reportReferenceCycles() {
        var state = [Int](repeating: 0, count: nodes.count)  // 0 unvisited, 1 on the path, 2 done
        for start in nodes.indices where state[start] == 0 {
            if let looping = findCycle(from: start, state: &state) {
                let location = nodes[looping].location
                report(location, "this schema refers back to itself through $ref, allOf, anyOf or oneOf without validating a property or item first, so validation would never end", fix: "break the loop, for example by moving the reference under \"properties\" or \"items\"")
                return
            }
        }
    }

    private func findCycle(from node: Int, state: inout [Int]) -> Int? {
        state[node] = 1
        for child in nodes[node].sameInstanceChildren {
            if state[child] == 1 {
                return node
            }
            if state[child] == 0, let found = findCycle(from: child, state: &state) {
                return found
            }
        }
        state[node] = 2
        return nil
    }

    mutating func report(_ location: JSONPointer, _ message: String, fix: String) {
        issues.append(ValidationIssue(file: file, pointer: location, rule: "schema", message: message, fix: fix))
    }
}
