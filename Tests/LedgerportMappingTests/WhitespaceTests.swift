import Testing

@testable import LedgerportMapping

/// The ASCII shortcuts of `Evaluation.isBlank` and `Evaluation.trimmed` against the Unicode rules of `Character.isWhitespace`.
@Suite struct WhitespaceTests {
    static let texts = [
        "", " ", "\t\n\u{0B}\u{0C}\r ", "\r\n", "a", " a ", "Acme  Robotics\n", "\u{1F}", "\u{00A0}", " \u{00A0} ",
        "\u{2003}x\u{2003}", " \u{0301}", "a\u{0301}", "\u{0600}a", "x\u{0600}", "Grüße ", " Grüße",
    ]

    @Test(arguments: texts)
    func isBlank_matchesUnicode(_ text: String) {
        #expect(Evaluation.isBlank(text) == text.allSatisfy(\.isWhitespace))
    }

    @Test(arguments: texts)
    func trimmed_matchesUnicode(_ text: String) {
        let expected: String
        if let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) {
            expected = String(text[first...last])
        } else {
            expected = ""
        }

        #expect(Evaluation.trimmed(text) == expected)
    }

    @Test func asciiWhitespace_isTheUnicodeSet() {
        for byte in UInt8(0)..<0x80 {
            #expect(Evaluation.isASCIIWhitespace(byte) == Character(Unicode.Scalar(byte)).isWhitespace, "byte \(byte)")
        }
    }
}
