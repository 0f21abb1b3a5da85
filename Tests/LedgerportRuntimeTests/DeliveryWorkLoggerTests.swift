import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportStore
import Testing

@testable import LedgerportRuntime

/// A delivery's logger, built when something is logged, carries the ids known at that point.
@Suite struct DeliveryWorkLoggerTests {
    private let now = Date(timeIntervalSince1970: 1_767_225_600)

    private func work(level: LogLevel, handler: CapturingLogHandler) -> DeliveryWork {
        let delivery = Delivery(
            id: DeliveryID(rawValue: 42), tenantID: TenantID(rawValue: "t1"), eventID: EventID(rawValue: 7), flowID: "invoices",
            orderingKey: "invoice:in_1", state: .inFlight, attemptCount: 2, nextAttemptAt: now, leaseExpiresAt: nil, claimCount: 3,
            mapping: nil, connectorVersion: nil, lastError: nil, createdAt: now, updatedAt: now)
        let logger = Logger(label: "delivery", logLevel: level, handler: handler)
        return DeliveryWork(claim: DeliveryClaim(delivery: delivery), tenantSlug: "acme", logger: logger)
    }

    @Test func beforeEvent_hasDeliveryIDs() throws {
        let handler = CapturingLogHandler()
        let item = work(level: .info, handler: handler)

        item.logger.warning("retrying delivery")

        let metadata = try #require(handler.records.first?.metadata)
        #expect(metadata[LogMetadataKey.tenantID] == .string("t1"))
        #expect(metadata[LogMetadataKey.tenantSlug] == .string("acme"))
        #expect(metadata[LogMetadataKey.flowID] == .string("invoices"))
        #expect(metadata[LogMetadataKey.deliveryID] == .string("42"))
        #expect(metadata[LogMetadataKey.attempt] == .integer(3))
        #expect(metadata[LogMetadataKey.correlationID] == nil)
    }

    @Test func afterEvent_hasCorrelationID() throws {
        let handler = CapturingLogHandler()
        let item = work(level: .info, handler: handler)
        item.event = StoredEvent(
            id: EventID(rawValue: 7), tenantID: TenantID(rawValue: "t1"), connectionID: "stripe-main", sourceEventID: "evt_1",
            eventType: "invoice.paid", receivedAt: now, correlationID: "corr-1", payload: nil, payloadSHA256: [], orderingKey: nil)

        item.logger.warning("retrying delivery")

        let metadata = try #require(handler.records.first?.metadata)
        #expect(metadata[LogMetadataKey.correlationID] == .string("corr-1"))
        #expect(metadata[LogMetadataKey.eventID] == .string("evt_1"))
    }

    @Test func logs_followsLoggerLevel() {
        let handler = CapturingLogHandler()

        #expect(work(level: .debug, handler: handler).logs(.debug))
        #expect(!work(level: .info, handler: handler).logs(.debug))
        #expect(work(level: .info, handler: handler).logs(.warning))
    }
}
