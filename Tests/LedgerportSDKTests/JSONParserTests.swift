import LedgerportSDK
import Testing

@Suite struct JSONParserTests {
    @Test func numbers_keepExactDecimalValue() throws {
        let value = try JSONParser.parse(#"{"a": 0.1, "b": 12.345, "c": 1200.0, "d": -7, "e": 1e3}"#)
        #expect(value["a"]?.numberValue?.description == "0.1")
        #expect(value["b"]?.numberValue?.decimal == ExactDecimal(significand: 12345, scale: 3))
        #expect(value["c"]?.int64Value == 1200)
        #expect(value["d"]?.int64Value == -7)
        #expect(value["e"]?.int64Value == 1000)
    }

    @Test func writer_sortsKeysAndRoundTrips() throws {
        let text = #"{"b":[1,2.5,"x\n"],"a":{"z":null,"y":true}}"#
        let value = try JSONParser.parse(text)
        let written = JSONWriter.string(value)
        #expect(written == #"{"a":{"y":true,"z":null},"b":[1,2.5,"x\n"]}"#)
        #expect(try JSONParser.parse(written) == value)
    }

    @Test func unicodeEscapes_decode() throws {
        let value = try JSONParser.parse(#""caf\u00e9 \ud83d\ude00""#)
        #expect(value == "café 😀")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9),
        ("[1 2]", 1, 4),
        ("{\"a\": 01}", 1, 7),
        ("{\"a\": 1, \"a\": 2}", 1, 10),
        ("\"unterminated", 1, 1),
        ("{\n  \"a\": tru\n}", 2, 8),
    ])
    func invalidInput_reportsLineAndColumn(text: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected a parse error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func deepNesting_isRejected() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func pointer_resolvesAndEscapes() throws {
        let value = try JSONParser.parse(#"{"a/b": [10, {"~c": 3}]}"#)
        let pointer = JSONPointer.root.appending("a/b").appending(1).appending("~c")
        #expect(pointer.description == "/a~1b/1/~0c")
        #expect(pointer.resolve(in: value) == 3)
        #expect(JSONPointer("/a~1b/1/~0c") == pointer)
    }

    @Test(arguments: [
        (#""plain text""#, "plain text"),
        (#""pl\u0061in text""#, "plain text"),
        (#""caf\u00e9""#, "café"),
        (#""café""#, "café"),
        (#""tab\there \"quoted\" back\\slash \/""#, "tab\there \"quoted\" back\\slash /"),
        (#""über\nzwei""#, "über\nzwei"),
        (#""""#, ""),
        (#""\u00e9""#, "é"),
        (#""a long string without any escape, longer than fifteen bytes""#, "a long string without any escape, longer than fifteen bytes"),
    ])
    func string_parsesWithAndWithoutEscapes(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
        #expect(try JSONParser.parse("{\(text): \(text)}") == .object([expected: .string(expected)]))
    }

    @Test(arguments: [
        [UInt8(ascii: "\""), 0xff, UInt8(ascii: "\"")],
        [UInt8(ascii: "\""), UInt8(ascii: "a"), 0xc3, UInt8(ascii: "\"")],
        [UInt8(ascii: "\""), 0xed, 0xa0, 0x80, UInt8(ascii: "\"")],
        [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), 0xc3, 0x28, UInt8(ascii: "\"")],
    ])
    func invalidUTF8_isRejected(bytes: [UInt8]) {
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("expected a parse error for \(bytes)")
        } catch {
            #expect(error.message == "string is not valid UTF-8")
            #expect(error.offset == 0)
        }
    }

    @Test func controlCharacterInString_isRejected() {
        do {
            _ = try JSONParser.parse([UInt8(ascii: "\""), UInt8(ascii: "a"), 0x0a, UInt8(ascii: "\"")])
            Issue.record("expected a parse error")
        } catch {
            #expect(error.message == "control character byte 0xa inside a string must be escaped")
            #expect(error.offset == 2)
        }
    }

    @Test func duplicateKey_isRejectedAtTheKey() {
        do {
            _ = try JSONParser.parse(#"{"a": 1, "b": {"c": 2}, "a": 3, "d": tru}"#)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.message == "duplicate object key \"a\"")
            #expect(error.offset == 24)
        }
    }

    /// A document, the key reported as duplicate, and the offset of its second occurrence: the first of
    /// several in an object whose keys are out of order, and one in an outer object before one inside it.
    @Test(arguments: [
        (#"{"z": 1, "b": 2, "a": 3, "b": 4, "z": 5}"#, "b", 25),
        (#"{"a": 1, "a": {"x": 1, "x": 2}}"#, "a", 9),
    ])
    func duplicateKey_firstInTextIsReported(text: String, key: String, offset: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.message == "duplicate object key \"\(key)\"")
            #expect(error.offset == offset)
        }
    }

    @Test func duplicateKeyInLargeObject_isRejectedAtTheKey() {
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let tail = #""k3": 0, "z": tru}"#
        let text = "{" + members + ", " + tail
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected a parse error")
        } catch {
            #expect(error.message == "duplicate object key \"k3\"")
            #expect(error.offset == text.utf8.count - tail.utf8.count)
        }
    }

    @Test func largeObject_keepsEveryMember() throws {
        let members = (0..<100).map { "\"k\($0)\": {\"n\": \($0)}" }.joined(separator: ", ")

        let value = try JSONParser.parse("{" + members + "}")

        #expect(value.objectValue?.count == 100)
        #expect(value["k99"]?["n"] == .number(JSONNumber(99)))
    }

    @Test func sliceAndNonContiguousInput_parseLikeArrays() throws {
        let bytes = Array(#"[{"a": "x"}, 1.5, null]"#.utf8)
        let expected = try JSONParser.parse(bytes)
        #expect(try JSONParser.parse(bytes[...]) == expected)
        #expect(try JSONParser.parse(bytes.reversed().reversed()) == expected)
        #expect(try JSONParser.parse(Set([UInt8(ascii: "7")])) == 7)
    }
}
