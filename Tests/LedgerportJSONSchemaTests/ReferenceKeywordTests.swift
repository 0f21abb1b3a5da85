import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct ReferenceKeywordTests {
    @Test func ref_resolvesDefsAndDefinitions() throws {
        let schema = ##"""
        {"type": "object",
         "properties": {"price": {"$ref": "#/$defs/amount"}, "total": {"$ref": "#/definitions/amount"}},
         "$defs": {"amount": {"type": "integer", "minimum": 0}},
         "definitions": {"amount": {"type": "integer", "minimum": 0}}}
        """##
        #expect(try validate(#"{"price": 5, "total": 7}"#, against: schema).isEmpty)

        let issues = try validate(#"{"price": -1, "total": "7"}"#, against: schema)
        #expect(issues.map(\.pointer.description) == ["/price", "/total"])
        #expect(issues.first?.schemaLocation?.description == "/$defs/amount/minimum")
    }

    @Test func ref_supportsRecursiveSchemas() throws {
        let schema = ##"""
        {"$ref": "#/$defs/node",
         "$defs": {"node": {"type": "object", "required": ["name"],
             "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
        """##
        #expect(try validate(#"{"name": "a", "children": [{"name": "b", "children": []}]}"#, against: schema).isEmpty)

        let issues = try validate(#"{"name": "a", "children": [{"children": [{"name": 1}]}]}"#, against: schema)
        #expect(issues.map(\.pointer.description) == ["/children/0", "/children/0/children/0/name"])
    }

    @Test func ref_appliesTogetherWithSiblingKeywords() throws {
        let schema = ##"{"$ref": "#/$defs/text", "maxLength": 3, "$defs": {"text": {"type": "string"}}}"##
        #expect(try validate(#""abcd""#, against: schema).map(\.rule) == ["maxLength"])
        #expect(try validate("1", against: schema).map(\.rule) == ["type"])
    }

    @Test func ref_escapedPointerTokens_resolve() throws {
        let schema = ##"{"$ref": "#/$defs/a~1b", "$defs": {"a/b": {"type": "string"}}}"##
        #expect(try validate("1", against: schema).count == 1)
    }
}
