import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct ObjectKeywordTests {
    @Test func required_reportsEachMissingPropertyWithFix() throws {
        let schema = #"{"type": "object", "required": ["id", "version"]}"#
        let issues = try validate("{}", against: schema)
        #expect(issues.map(\.message) == [#"required property "id" is missing"#, #"required property "version" is missing"#])
        #expect(issues.map(\.fix) == [#"add the required property "id""#, #"add the required property "version""#])
        #expect(issues.allSatisfy { $0.pointer == .root })
    }

    @Test func properties_validateEachMemberAtItsPointer() throws {
        let schema = #"""
        {"type": "object", "properties": {
            "name": {"type": "string"},
            "address": {"type": "object", "properties": {"zip": {"type": "string"}}}
        }}
        """#
        let issues = try validate(#"{"name": 1, "address": {"zip": 12345}}"#, against: schema)
        #expect(issues.map(\.pointer.description) == ["/address/zip", "/name"])
    }

    @Test func additionalPropertiesFalse_rejectsUnknownMemberWithSuggestion() throws {
        let schema = #"{"type": "object", "properties": {"version": {}, "kind": {}}, "additionalProperties": false}"#
        let issues = try validate(#"{"versoin": "1.0.0", "kind": "source"}"#, against: schema)
        #expect(issues.count == 1)
        #expect(issues.first?.pointer.description == "/versoin")
        #expect(issues.first?.rule == "additionalProperties")
        #expect(issues.first?.fix == #"did you mean "version"? remove it; known properties are "kind", "version""#)
    }

    @Test func additionalPropertiesSchema_validatesUnlistedMembers() throws {
        let schema = #"{"type": "object", "properties": {"id": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#
        #expect(try validate(#"{"id": "x", "a": 1, "b": 2}"#, against: schema).isEmpty)

        let issues = try validate(#"{"id": "x", "a": "one"}"#, against: schema)
        #expect(issues.map(\.pointer.description) == ["/a"])
    }

    @Test func propertyNames_checksEveryKey() throws {
        let schema = #"{"type": "object", "propertyNames": {"pattern": "^[a-z_]+$"}}"#
        #expect(try validate(#"{"api_key": 1}"#, against: schema).isEmpty)

        let issues = try validate(#"{"apiKey": 1}"#, against: schema)
        #expect(issues.count == 1)
        #expect(issues.first?.pointer.description == "/apiKey")
        #expect(issues.first?.rule == "pattern")
    }

    @Test func allErrors_areCollectedNotJustFirst() throws {
        let schema = #"""
        {"type": "object", "required": ["a", "b"], "additionalProperties": false,
         "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}}}
        """#
        let issues = try validate(#"{"c": 1, "d": 2}"#, against: schema)
        #expect(issues.map(\.rule) == ["required", "required", "type", "additionalProperties"])
    }
}
