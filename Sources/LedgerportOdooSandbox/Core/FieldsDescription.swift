import LedgerportSDK

/// The result of `fields_get`: each field's attributes.
enum FieldsDescription {
    /// The attributes described when the caller asks for none in particular.
    static let defaultAttributes = [
        "change_default", "company_dependent", "default_export_compatible", "depends", "exportable", "groupable", "manual",
        "name", "readonly", "relation", "relation_field", "required", "searchable", "selection", "sortable", "store",
        "string", "type",
    ]

    static func describe(_ model: ModelDefinition, fields requested: JSONValue, attributes requestedAttributes: JSONValue) -> JSONValue {
        let names = requested.arrayValue?.compactMap(\.stringValue) ?? model.fields.map(\.name)
        let attributes = requestedAttributes.arrayValue?.compactMap(\.stringValue) ?? defaultAttributes
        var result: JSONObject = [:]
        for name in names {
            guard let field = model.field(name) else { continue }
            result[name] = describe(field, attributes: attributes)
        }
        return .object(result)
    }

    private static func describe(_ field: FieldDefinition, attributes: [String]) -> JSONValue {
        var description: JSONObject = [:]
        for attribute in attributes {
            if let value = value(of: attribute, for: field) {
                description[attribute] = value
            }
        }
        return .object(description)
    }

    private static func value(of attribute: String, for field: FieldDefinition) -> JSONValue? {
        switch attribute {
        case "string": return .string(field.label)
        case "type": return .string(field.type.typeName)
        case "required": return .bool(field.isRequired)
        case "readonly": return .bool(field.isReadonly || field.name == "id")
        case "store": return .bool(field.compute == nil)
        case "relation": return field.type.relation.map { .string($0) }
        case "relation_field":
            if case .one2many(_, let inverse) = field.type { return .string(inverse) }
            return nil
        case "selection":
            if case .selection(let options) = field.type {
                return .array(options.map { [.string($0.value), .string($0.label)] })
            }
            return nil
        case "name": return .string(field.name)
        case "searchable", "exportable": return true
        case "sortable", "groupable": return .bool(field.isStored && !field.type.isX2Many)
        case "manual", "change_default", "company_dependent", "default_export_compatible": return false
        case "depends": return []
        default: return nil
        }
    }
}
