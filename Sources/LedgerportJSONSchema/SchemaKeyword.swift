/// The keywords a schema may use. Anything else is rejected when the schema loads,
/// unless it starts with `x-` (an extension annotation).
enum SchemaKeyword {
    /// Keywords that constrain the instance.
    static let validation: [String] = [
        "type", "properties", "required", "additionalProperties", "propertyNames", "enum", "const",
        "pattern", "format", "items", "minItems", "maxItems", "uniqueItems", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "allOf", "anyOf", "oneOf",
        "$ref", "$defs", "definitions",
    ]

    /// Keywords accepted and ignored: they document the schema but never fail an instance.
    static let annotations: [String] = [
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated",
    ]

    static let all = validation + annotations

    /// The prefix of custom annotations, which are accepted and ignored.
    static let extensionPrefix = "x-"
}
