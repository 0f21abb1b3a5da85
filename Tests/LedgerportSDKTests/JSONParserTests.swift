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
}
