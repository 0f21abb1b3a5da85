import Foundation
import LedgerportLog
import Testing

@testable import LedgerportRuntime

/// What the runtime logs about a rejected webhook request, which may contain more than the response.
@Suite struct RejectionLogTests {
    @Test func record_logsTheDetailKeptFromTheResponse() throws {
        let handler = CapturingLogHandler()
        let log = RejectionLog(logger: Logger(label: "test", logLevel: .debug, handler: handler))

        log.record(
            tenant: "acme", connection: "stripe-main", reason: "signature_mismatch", message: "no v1 signature matches",
            detail: "compared 1 v1 signature(s) with 2 active signing secret(s)", remoteAddress: "127.0.0.1", at: Date(timeIntervalSince1970: 0)
        )

        let record = try #require(handler.records.first)
        #expect(record.metadata["rejection.detail"] == .string("compared 1 v1 signature(s) with 2 active signing secret(s)"))
        #expect(record.metadata["rejection.message"] == .string("no v1 signature matches"))
    }
}
