import Foundation
import LedgerportSDK

/// The JSON Schema type names, as the `type` keyword spells them.
enum JSONType: String, Sendable, CaseIterable {
    case null
    case boolean
    case object
    case array
    case number
    case integer
    case string

    /// Returns whether `value` is of this type. As JSON Schema defines, `number` includes whole numbers.
    func matches(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array), (.string, .string), (.number, .number):
            true
        case (.integer, .number(let number)):
            number.isInteger
        default:
            false
        }
    }
}

/// The rule of `additionalProperties` for members not named in `properties`.
enum AdditionalProperties: Sendable {
    case allowed
    case forbidden
    case schema(Int)
}

/// A compiled `pattern`: the source text and its regular expression.
struct SchemaPattern: Sendable {
    let source: String
    let expression: NSRegularExpression

    /// Returns whether the expression matches anywhere in `text`, because JSON Schema patterns are not anchored.
    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// One compiled schema: the keywords of one schema object, with subschemas as node indices.
///
/// Nodes live in ``JSONSchema/nodes`` and refer to each other by index, so
/// recursive schemas (through `$ref`) need no reference cycles.
struct SchemaNode: Sendable {
    /// The location of this schema in the schema document.
    let location: JSONPointer
    /// For the boolean schemas `true` (accept everything) and `false` (reject everything).
    var constantResult: Bool?
    var types: [JSONType]?
    var properties: [String: Int] = [:]
    var required: [String] = []
    var additionalProperties = AdditionalProperties.allowed
    var propertyNames: Int?
    var enumeration: [JSONValue]?
    /// The `const` value, wrapped so that `const: null` differs from "no const".
    var constant: [JSONValue] = []
    var pattern: SchemaPattern?
    var format: StringFormat?
    var items: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    var minLength: Int?
    var maxLength: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    /// The node a `$ref` points to, resolved after the whole document is compiled.
    var reference: Int?

    init(location: JSONPointer) {
        self.location = location
    }

    /// The nodes validated against the same instance as this one: the reference and the combinators.
    var sameInstanceChildren: [Int] {
        (reference.map { [$0] } ?? []) + allOf + anyOf + oneOf
    }
}
