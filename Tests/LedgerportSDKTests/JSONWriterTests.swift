import LedgerportSDK
import Testing

@Suite struct JSONWriterTests {
    @Test func keys_sortByUTF8Bytes() {
        let value: JSONValue = ["é": 1, "z": 2, "Z": 3, "a": 4, "ab": 5, "": 6, "a b": 7, "ä": 8, "😀": 9, "\u{7f}": 10]
        #expect(JSONWriter.string(value) == #"{"":6,"Z":3,"a":4,"a b":7,"ab":5,"z":2,"\#u{7f}":10,"ä":8,"é":1,"😀":9}"#)
    }

    @Test func strings_escapeQuotesBackslashesAndControlCharacters() {
        let text = "plain \"quoted\" back\\slash\nline\rreturn\ttab\u{0}\u{1f}\u{7f} é 😀 /"
        let expected = #""plain \"quoted\" back\\slash\nline\rreturn\ttab\u0000\u001f"# + "\u{7f} é 😀 /\""
        #expect(JSONWriter.string(.string(text)) == expected)
        #expect(JSONWriter.string(.string("")) == #""""#)
        #expect(JSONWriter.string(["k\"ey": "v"]) == #"{"k\"ey":"v"}"#)
    }

    @Test func nestedValues_writeCompactAndPretty() {
        let value: JSONValue = ["b": [1, "x", nil, true, [:], []], "a": ["d": false, "c": -2]]
        #expect(JSONWriter.string(value) == #"{"a":{"c":-2,"d":false},"b":[1,"x",null,true,{},[]]}"#)
        let pretty = """
            {
              "a": {
                "c": -2,
                "d": false
              },
              "b": [
                1,
                "x",
                null,
                true,
                {},
                []
              ]
            }
            """
        #expect(JSONWriter.string(value, style: .pretty) == pretty)
    }

    @Test func append_writesAfterExistingBytes() {
        var output = Array("prefix:".utf8)
        JSONWriter.append(["b": "2", "a": 1], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"prefix:{"a":1,"b":"2"}"#)
    }
}
