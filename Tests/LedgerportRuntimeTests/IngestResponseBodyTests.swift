import LedgerportSDK
import Testing

@testable import LedgerportRuntime

@Suite struct IngestResponseBodyTests {
    @Test(arguments: ["lp-3f2a9c", "req-\"quoted\"\\path", ""])
    func bytes_equalTheWritersOutput(correlationID: String) {
        let expected = JSONWriter.bytes([
            "received": 3, "stored": 2, "duplicates": 1, "correlation_id": .string(correlationID),
        ])

        #expect(IngestResponseBody.bytes(received: 3, stored: 2, duplicates: 1, correlationID: correlationID) == expected)
    }
}
