import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct StringKeywordTests {
    @Test func lengthLimits_countUnicodeScalars() throws {
        // "é" written as e + combining acute is one character but two scalars.
        #expect(try validate("\"e\\u0301\"", against: #"{"maxLength": 1}"#).count == 1)
        #expect(try validate(#""日本""#, against: #"{"minLength": 2, "maxLength": 2}"#).isEmpty)

        let issue = try #require(try validate(#""ab""#, against: #"{"minLength": 3}"#).first)
        #expect(issue.message == #"text "ab" has 2 characters, fewer than the minimum 3"#)
        #expect(issue.fix == "use at least 3 characters")
    }

    @Test func pattern_searchesUnanchored() throws {
        #expect(try validate(#""xx-12-yy""#, against: #"{"pattern": "[0-9]{2}"}"#).isEmpty)

        let anchored = #"{"pattern": "^[a-z][a-z0-9_]*$"}"#
        #expect(try validate(#""api_key""#, against: anchored).isEmpty)

        let issue = try #require(try validate(#""ApiKey""#, against: anchored).first)
        #expect(issue.rule == "pattern")
        #expect(issue.fix == #"change the value to match "^[a-z][a-z0-9_]*$""#)
    }

    @Test func format_reportsExpectedShapeWithExample() throws {
        let issue = try #require(try validate(#""2026-02-30""#, against: #"{"format": "date"}"#).first)
        #expect(issue.rule == "format")
        #expect(issue.message == #"text "2026-02-30" is not a date (YYYY-MM-DD)"#)
        #expect(issue.fix == #"use a date (YYYY-MM-DD), such as "2026-12-31""#)
    }

    @Test func longValues_areCutInMessages() throws {
        let long = String(repeating: "a", count: 200)
        let issue = try #require(try validate("\"\(long)\"", against: #"{"maxLength": 5}"#).first)
        #expect(issue.message.count < 140)
        #expect(issue.message.contains("…"))
    }
}
