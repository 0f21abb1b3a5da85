import LedgerportCrypto
import Testing

/// ``Hex`` decoding of whole strings and of substrings, in either case.
@Suite struct HexTests {
    @Test func decode_readsEitherCase() {
        #expect(Hex.decode("00ff7Fa0") == [0x00, 0xFF, 0x7F, 0xA0])
        #expect(Hex.decode("") == [])
    }

    @Test func decode_readsASubstringInPlace() {
        let header = "t=1,v1=5bdc,v0=zz"
        let start = header.index(header.startIndex, offsetBy: 7)
        let end = header.index(start, offsetBy: 4)
        #expect(Hex.decode(header[start..<end]) == [0x5B, 0xDC])
    }

    @Test(arguments: ["abc", "0g", "zz", " 0a", "0a\u{00E9}"])
    func decode_rejectsInvalidText(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func encode_thenDecode_givesTheBytesBack() {
        let bytes: [UInt8] = Array(0...255)
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
    }
}
