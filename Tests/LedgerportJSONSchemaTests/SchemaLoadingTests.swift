import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct SchemaLoadingTests {
    @Test func unknownKeyword_isRejectedWithSuggestion() throws {
        let issues = try loadIssues(#"{"type": "object", "properties": {"kind": {"type": "string", "enmu": ["a"]}}}"#)
        #expect(issues.count == 1)
        #expect(issues.first?.file == "test.schema.json")
        #expect(issues.first?.pointer.description == "/properties/kind/enmu")
        #expect(issues.first?.message == #"unknown keyword "enmu""#)
        #expect(issues.first?.fix.hasPrefix(#"did you mean "enum"? "#) == true)
    }

    @Test func extensionAndAnnotationKeywords_areAccepted() throws {
        let schema = #"""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:ledgerport:test",
         "title": "T", "description": "D", "default": 1, "examples": [1], "$comment": "c",
         "deprecated": false, "x-ledgerport-secret": true, "type": "integer"}
        """#
        #expect(try loadIssues(schema).isEmpty)
    }

    @Test func badKeywordValues_areAllReported() throws {
        let issues = try loadIssues(#"""
        {"type": "strin", "required": "id", "minItems": -1, "pattern": "([a-z", "format": "datetime",
         "enum": [], "items": [{"type": "string"}], "anyOf": []}
        """#)
        #expect(issues.map(\.pointer.description).sorted() == ["/anyOf", "/enum", "/format", "/items", "/minItems", "/pattern", "/required", "/type"])
        let typeIssue = try #require(issues.first { $0.pointer.description == "/type" })
        #expect(typeIssue.fix.hasPrefix(#"did you mean "string"? "#))
        let formatIssue = try #require(issues.first { $0.pointer.description == "/format" })
        #expect(formatIssue.fix.hasPrefix(#"did you mean "date-time"? "#))
    }

    @Test func nonSchemaValue_isRejected() throws {
        let issues = try loadIssues(#"{"properties": {"name": "string"}}"#)
        #expect(issues.map(\.pointer.description) == ["/properties/name"])
        #expect(issues.first?.message == #"a schema must be an object or a boolean, but this is "string""#)
    }

    @Test func unresolvedReference_isRejected() throws {
        let issues = try loadIssues(##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##)
        #expect(issues.map(\.pointer.description) == ["/properties/a/$ref"])
        #expect(issues.first?.message == ##"reference "#/$defs/missing" points to nothing in this document"##)
    }

    @Test func remoteReference_isRejected() throws {
        let issues = try loadIssues(#"{"$ref": "https://example.com/schema.json"}"#)
        #expect(issues.first?.message == #"reference "https://example.com/schema.json" is not a local JSON Pointer reference"#)
    }

    @Test func referenceLoopWithoutDescent_isRejected() throws {
        #expect(try loadIssues(##"{"$ref": "#"}"##).count == 1)
        #expect(try loadIssues(##"{"$defs": {"a": {"allOf": [{"$ref": "#/$defs/b"}]}, "b": {"$ref": "#/$defs/a"}}}"##).count == 1)
        #expect(try loadIssues(##"{"$defs": {"a": {"properties": {"next": {"$ref": "#/$defs/a"}}}}}"##).isEmpty)
    }

    @Test func unusedDefinitions_areStillChecked() throws {
        let issues = try loadIssues(#"{"type": "object", "$defs": {"unused": {"tpye": "string"}}}"#)
        #expect(issues.map(\.pointer.description) == ["/$defs/unused/tpye"])
    }

    @Test func loadError_listsEveryIssueInItsDescription() throws {
        let document = try JSONParser.parse(#"{"tpye": "string", "minLength": "3"}"#)
        do throws(JSONSchemaLoadError) {
            _ = try JSONSchema(document: document, file: "broken.json")
            Issue.record("the schema loaded although it has two problems")
        } catch {
            #expect(error.description.hasPrefix("load JSON Schema: 2 problems"))
            #expect(error.description.contains("broken.json: /tpye: unknown keyword"))
            #expect(error.description.contains("broken.json: /minLength: expected a non-negative integer"))
        }
    }
}
