import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

/// Loads a schema from JSON text, failing the test when it does not load.
func loadSchema(_ text: String, file: String = "test.schema.json") throws -> JSONSchema {
    try JSONSchema(document: try JSONParser.parse(text), file: file)
}

/// Validates JSON text against a schema given as JSON text.
func validate(_ instance: String, against schemaText: String, file: String = "instance.json") throws -> [ValidationIssue] {
    try loadSchema(schemaText).validate(try JSONParser.parse(instance), file: file)
}

/// Returns the issues that keep a schema given as JSON text from loading, or none when it loads.
func loadIssues(_ text: String) throws -> [ValidationIssue] {
    let document = try JSONParser.parse(text)
    do throws(JSONSchemaLoadError) {
        _ = try JSONSchema(document: document, file: "test.schema.json")
        return []
    } catch {
        return error.issues
    }
}
