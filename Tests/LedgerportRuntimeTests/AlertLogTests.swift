import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportStore
import Testing

@testable import LedgerportRuntime

/// Raising and clearing an operational alert each write one log line, for operators who read logs rather than the admin API.
@Suite struct AlertLogTests {
    private let connectionRefused = ConnectorError.transient("transport_failed", "call Odoo: connection connectionRefused")

    @Test func raiseAndClear_logOneLineEach() throws {
        let handler = CapturingLogHandler()
        let book = AlertBook(unreachableThreshold: 2, logger: Logger(label: "test", logLevel: .debug, handler: handler))

        for _ in 0..<3 {
            book.recordFailure(tenantID: "t1", tenantSlug: "acme", connectionID: "odoo-main", error: connectionRefused, at: Date(timeIntervalSince1970: 0))
        }
        book.recordSuccess(tenantSlug: "acme", connectionID: "odoo-main")
        book.recordSuccess(tenantSlug: "acme", connectionID: "odoo-main")

        #expect(handler.records.map(\.message) == ["raised operational alert", "cleared operational alert"])
        #expect(handler.records.first?.level == .warning)
        #expect(handler.records.first?.metadata["alert.kind"] == .string("target_unreachable"))
        #expect(handler.records.first?.metadata[LogMetadataKey.tenantID] == .string("t1"))
        #expect(handler.records.first?.metadata[LogMetadataKey.tenantSlug] == .string("acme"))
        #expect(handler.records.last?.metadata["alert.occurrences"] == .integer(2))
    }
}
