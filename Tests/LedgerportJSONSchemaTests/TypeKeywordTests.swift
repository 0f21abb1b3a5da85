import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct TypeKeywordTests {
    @Test func integerType_acceptsWholeNumbersOnly() throws {
        let schema = #"{"type": "integer"}"#
        #expect(try validate("12", against: schema).isEmpty)
        #expect(try validate("12.0", against: schema).isEmpty)
        #expect(try validate("-3", against: schema).isEmpty)

        let issues = try validate("12.5", against: schema)
        #expect(issues.count == 1)
        #expect(issues.first?.rule == "type")
        #expect(issues.first?.message == "expected integer but found number 12.5")
        #expect(issues.first?.fix == "change the value to an integer")
    }

    @Test func numberType_acceptsIntegers() throws {
        #expect(try validate("7", against: #"{"type": "number"}"#).isEmpty)
        #expect(try validate("7.25", against: #"{"type": "number"}"#).isEmpty)
        #expect(try validate("\"7\"", against: #"{"type": "number"}"#).count == 1)
    }

    @Test func typeArray_acceptsAnyListedType() throws {
        let schema = #"{"type": ["string", "null"]}"#
        #expect(try validate("null", against: schema).isEmpty)
        #expect(try validate("\"x\"", against: schema).isEmpty)

        let issues = try validate("true", against: schema)
        #expect(issues.map(\.message) == ["expected string or null but found boolean true"])
        #expect(try validate("null", against: #"{"type": "integer"}"#).map(\.message) == ["expected integer but found null"])
    }

    @Test func typeMismatch_suppressesOtherKeywordsOfSameSchema() throws {
        let issues = try validate("5", against: #"{"type": "string", "enum": ["a"], "minLength": 3}"#)
        #expect(issues.map(\.rule) == ["type"])
    }

    @Test func typeIssue_namesInstancePointerAndSchemaLocation() throws {
        let schema = #"{"type": "object", "properties": {"count": {"type": "integer"}}}"#
        let issue = try #require(try validate(#"{"count": "three"}"#, against: schema).first)
        #expect(issue.file == "instance.json")
        #expect(issue.pointer.description == "/count")
        #expect(issue.schemaLocation?.description == "/properties/count/type")
        #expect(issue.description == #"instance.json: /count: expected integer but found string "three"; change the value to an integer [type at #/properties/count/type]"#)
    }

    @Test func enumKeyword_listsAllowedValuesAndSuggestsClosest() throws {
        let issue = try #require(try validate(#""sourc""#, against: #"{"enum": ["source", "target"]}"#).first)
        #expect(issue.rule == "enum")
        #expect(issue.message == #"value "sourc" is not allowed"#)
        #expect(issue.fix == #"did you mean "source"? expected one of "source", "target""#)
    }

    @Test func enumKeyword_comparesNumbersByValue() throws {
        #expect(try validate("1.50", against: #"{"enum": [1.5, 2]}"#).isEmpty)
        #expect(try validate("{\"a\": [1, null]}", against: #"{"enum": [{"a": [1, null]}]}"#).isEmpty)
        #expect(try validate("3", against: #"{"enum": [1.5, 2]}"#).count == 1)
    }

    @Test func constKeyword_acceptsOnlyThatValue() throws {
        #expect(try validate(#""source""#, against: #"{"const": "source"}"#).isEmpty)
        #expect(try validate("null", against: #"{"const": null}"#).isEmpty)

        let issue = try #require(try validate(#""target""#, against: #"{"const": "source"}"#).first)
        #expect(issue.rule == "const")
        #expect(issue.fix == #"set it to "source""#)
        #expect(try validate("0", against: #"{"const": null}"#).count == 1)
    }

    @Test func booleanSchemas_acceptOrRejectEverything() throws {
        #expect(try validate(#"{"any": [1, "x"]}"#, against: "true").isEmpty)

        let issues = try validate("1", against: "false")
        #expect(issues.count == 1)
        #expect(issues.first?.rule == "false")
    }
}
