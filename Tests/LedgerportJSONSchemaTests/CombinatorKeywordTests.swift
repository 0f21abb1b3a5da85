import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct CombinatorKeywordTests {
    static let discriminated = #"""
    {"oneOf": [
        {"type": "object", "required": ["kind", "event_types"], "properties": {"kind": {"const": "source"}, "event_types": {"type": "array"}}},
        {"type": "object", "required": ["kind", "operations"], "properties": {"kind": {"const": "target"}, "operations": {"type": "array"}}}
    ]}
    """#

    @Test func allOf_reportsIssuesOfEveryBranch() throws {
        let schema = #"{"allOf": [{"required": ["a"]}, {"required": ["b"]}]}"#
        let issues = try validate("{}", against: schema)
        #expect(issues.map(\.message) == [#"required property "a" is missing"#, #"required property "b" is missing"#])
    }

    @Test func oneOf_acceptsExactlyOneMatch() throws {
        #expect(try validate(#"{"kind": "source", "event_types": []}"#, against: Self.discriminated).isEmpty)
        #expect(try validate(#"{"kind": "target", "operations": []}"#, against: Self.discriminated).isEmpty)
    }

    @Test func oneOf_noMatch_reportsClosestBranchIssues() throws {
        let issues = try validate(#"{"kind": "target", "event_types": []}"#, against: Self.discriminated)
        #expect(issues.count == 2)
        #expect(issues[0].rule == "oneOf")
        #expect(issues[0].message == "value matches none of the 2 alternatives")
        #expect(issues[0].fix.contains("alternative 2 (#/oneOf/1)"))
        #expect(issues[1].message == #"required property "operations" is missing"#)
        #expect(issues[1].schemaLocation?.description == "/oneOf/1/required")
    }

    @Test func oneOf_severalMatches_isAnIssue() throws {
        let issues = try validate("5", against: #"{"oneOf": [{"type": "integer"}, {"minimum": 1}]}"#)
        #expect(issues.map(\.message) == ["value matches alternatives 1, 2, but exactly one may match"])
    }

    @Test func anyOf_prefersBranchOfMatchingType() throws {
        let schema = #"""
        {"anyOf": [
            {"type": "string"},
            {"type": "object", "required": ["model"], "properties": {"model": {"type": "string"}}}
        ]}
        """#
        #expect(try validate(#""res.partner""#, against: schema).isEmpty)

        let issues = try validate(#"{"model": 3}"#, against: schema)
        #expect(issues.map(\.rule) == ["anyOf", "type"])
        #expect(issues[1].pointer.description == "/model")
    }
}
