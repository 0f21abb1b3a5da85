import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct ArrayKeywordTests {
    @Test func items_validatesEveryElementAtItsIndex() throws {
        let issues = try validate(#"["a", 2, "c", 4]"#, against: #"{"type": "array", "items": {"type": "string"}}"#)
        #expect(issues.map(\.pointer.description) == ["/1", "/3"])
    }

    @Test func minItems_reportsHowManyAreMissing() throws {
        let issue = try #require(try validate("[1]", against: #"{"minItems": 3}"#).first)
        #expect(issue.rule == "minItems")
        #expect(issue.message == "the array has 1 items, fewer than the minimum 3")
        #expect(issue.fix == "add at least 2 more")
    }

    @Test func maxItems_reportsHowManyToRemove() throws {
        let issue = try #require(try validate("[1, 2, 3]", against: #"{"maxItems": 1}"#).first)
        #expect(issue.rule == "maxItems")
        #expect(issue.fix == "remove at least 2")
    }

    @Test func uniqueItems_pointsAtTheRepeatedItem() throws {
        #expect(try validate(#"["a", "b"]"#, against: #"{"uniqueItems": true}"#).isEmpty)

        let issue = try #require(try validate(#"["a", "b", "a"]"#, against: #"{"uniqueItems": true}"#).first)
        #expect(issue.pointer.description == "/2")
        #expect(issue.message == #"item 2 repeats item 0, "a""#)
    }

    @Test func itemsKeyword_ignoresNonArrays() throws {
        #expect(try validate(#""text""#, against: #"{"items": {"type": "integer"}, "minItems": 2}"#).isEmpty)
    }
}
