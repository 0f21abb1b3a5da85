import Testing

@testable import LedgerportRuntime

/// Checks that a webhook keeps a usable `X-Correlation-ID` and otherwise gets a new random UUID.
@Suite struct CorrelationIDTests {
    @Test func newID_isLowercaseVersion4UUID() {
        let id = CorrelationID.randomUUID()
        let groups = id.split(separator: "-").map(String.init)

        #expect(groups.map(\.count) == [8, 4, 4, 4, 12])
        #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase || $0 == "-" })
        #expect(groups[2].first == "4")
        #expect(["8", "9", "a", "b"].contains(groups[3].first))
    }

    @Test func newIDs_differ() {
        let ids = Set((0..<1_000).map { _ in CorrelationID.randomUUID() })

        #expect(ids.count == 1_000)
    }

    @Test func plainHeader_isKept() {
        #expect(CorrelationID.forRequest(header: "req-42.a_b") == "req-42.a_b")
    }

    @Test(arguments: ["", "has space", String(repeating: "x", count: 65)])
    func unusableHeader_getsNewID(header: String) {
        let id = CorrelationID.forRequest(header: header)

        #expect(id != header)
        #expect(id.count == 36)
    }
}
