import LedgerportSDK
import Testing

/// Field lookups in ``HTTPHeaders``: ASCII case is ignored, every other byte must be equal.
@Suite struct HTTPHeadersTests {
    static let headers: HTTPHeaders = [
        "Content-Type": "application/json", "stripe-signature": "t=1,v1=ab", "X-Correlation-ID": "req-1", "Stripe-Signature": "t=2,v1=cd",
    ]

    @Test(arguments: [
        ("Stripe-Signature", "t=1,v1=ab"), ("STRIPE-SIGNATURE", "t=1,v1=ab"), ("x-correlation-id", "req-1"), ("content-type", "application/json"),
    ])
    func lookup_ignoresASCIICase(name: String, expected: String) {
        #expect(Self.headers[name] == expected)
    }

    @Test(arguments: ["Stripe-Signatur", "Stripe-Signaturee", "Stripe_Signature", "Content-Typ\u{0065}\u{0301}", "X-Correlation-1D", ""])
    func lookup_comparesOtherBytesExactly(name: String) {
        #expect(Self.headers[name] == nil)
    }

    @Test func lookup_doesNotFoldPunctuationThatDiffersOnlyInBit0x20() {
        // "-" (0x2D) and "\r" (0x0D) differ only in bit 0x20, as "A" and "a" do; only letters fold.
        let headers: HTTPHeaders = ["A-B": "dash"]
        #expect(headers["a\rb"] == nil)
        #expect(headers["a-b"] == "dash")
    }

    @Test func values_returnsEveryMatchingFieldInOrder() {
        #expect(Self.headers.values(for: "STRIPE-signature") == ["t=1,v1=ab", "t=2,v1=cd"])
    }

    @Test func replaceOrAdd_replacesEveryFieldWhateverItsCase() {
        var headers = Self.headers
        headers.replaceOrAdd(name: "Stripe-Signature", value: "t=3,v1=ef")
        #expect(headers.values(for: "stripe-signature") == ["t=3,v1=ef"])
        #expect(headers["Content-Type"] == "application/json")
    }
}
