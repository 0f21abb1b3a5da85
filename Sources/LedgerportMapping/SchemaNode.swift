import LedgerportSDK

/// One node of a canonical JSON Schema, reduced to the keywords that canonical schemas use.
///
/// Mapping validation walks these nodes to check field paths and to learn
/// each field's type; ``violations(of:at:)`` checks a document against them.
/// A node is immutable once loaded, so nodes are shared freely and compared by identity.
package final class SchemaNode: Sendable, CustomStringConvertible {
    /// The JSON types a value may have (`type`), with `integer` as its own member.
    package let types: Set<SchemaType>
    /// The value's meaning beyond its JSON type, from the `$defs` entry it refers to.
    package let role: SchemaRole?
    /// The `format`, such as `date-time`.
    package let format: String?
    /// The `pattern` a string must match.
    package let pattern: String?
    /// The allowed values (`enum`), or nil when any value of the types is allowed.
    package let allowedValues: [JSONValue]?
    /// The only allowed value (`const`).
    package let constant: JSONValue?
    /// The schemas of named members (`properties`).
    package let properties: [String: SchemaNode]
    /// The members that must be present (`required`).
    package let required: Set<String>
    /// The rule for members not in ``properties``.
    package let additionalProperties: AdditionalProperties
    /// The schema of array elements (`items`).
    package let items: SchemaNode?
    /// The `description`, for messages.
    package let summary: String?

    /// Creates a node from its keywords.
    package init(
        types: Set<SchemaType>, role: SchemaRole? = nil, format: String? = nil, pattern: String? = nil,
        allowedValues: [JSONValue]? = nil, constant: JSONValue? = nil, properties: [String: SchemaNode] = [:],
        required: Set<String> = [], additionalProperties: AdditionalProperties = .allowed, items: SchemaNode? = nil,
        summary: String? = nil
    ) {
        self.types = types
        self.role = role
        self.format = format
        self.pattern = pattern
        self.allowedValues = allowedValues
        self.constant = constant
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.items = items
        self.summary = summary
    }

    /// Whether `null` is an allowed value.
    package var isNullable: Bool { types.contains(.null) }

    /// The type of a value this node describes, as a mapping reads it.
    package var valueKind: ValueKind {
        switch role {
        case .money: return .money
        case .decimal: return .decimal
        case .currency: return .string
        case nil: break
        }
        let nonNull = types.subtracting([.null])
        guard nonNull.count == 1, let only = nonNull.first else {
            return nonNull == [.integer, .number] ? .decimal : .any
        }
        switch only {
        case .string:
            switch format {
            case "date-time": return .dateTime
            case "date": return .date
            default: return .string
            }
        case .integer: return .integer
        case .number: return .decimal
        case .boolean: return .boolean
        case .object: return .object(self)
        case .array: return .list(items?.valueKind ?? .any)
        case .null: return .null
        }
    }

    /// The names of the node's properties, sorted, for error messages.
    package var propertyNames: [String] {
        properties.keys.sorted()
    }

    /// A short description of the node's type for error messages, such as `string or null`.
    package var description: String {
        let names = types.map(\.rawValue).sorted()
        let base = role.map { $0.rawValue } ?? names.filter { $0 != "null" }.joined(separator: " or ")
        return isNullable ? base + " or null" : base
    }
}

/// A JSON Schema type name.
package enum SchemaType: String, Sendable, Hashable, CaseIterable {
    case string, integer, number, boolean, object, array, null
}

/// The Ledgerport type a schema node stands for, named by the `$defs` entry it refers to.
package enum SchemaRole: String, Sendable, Hashable {
    /// `#/$defs/money`: a ``Money`` value, `{"minor_units": ..., "currency": ...}`.
    case money
    /// `#/$defs/decimal`: an ``ExactDecimal``, a JSON number or decimal text.
    case decimal
    /// `#/$defs/currency`: a ``CurrencyCode``, which sources may send in lower case and mappings read in upper case.
    case currency
}

/// The rule for members an object node does not list.
package enum AdditionalProperties: Sendable {
    case allowed
    case forbidden
    case schema(SchemaNode)
}
