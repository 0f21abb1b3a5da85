import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@testable import LedgerportRuntime

@Suite struct ReferenceWaitTests {
    private let created = Date(timeIntervalSince1970: 1_767_225_600)
    private let tenant = TenantID(rawValue: "t1")

    private func flow(_ id: FlowID, target: ConnectionID = "odoo-main", state: FlowState = .active, updatedAt: Date? = nil) -> Flow {
        Flow(
            tenantID: tenant, id: id, environment: .production, sourceConnectionID: "stripe-main", targetConnectionID: target,
            mappingID: MappingID(rawValue: id.rawValue), nativeEventTypes: [], mode: .realtime, schedule: nil, retryPolicy: [:],
            sloObjective: ExactDecimal(significand: 99, scale: 2), sloTargetSeconds: 60, state: state,
            createdAt: created.addingTimeInterval(-3600), updatedAt: updatedAt ?? created.addingTimeInterval(-3600))
    }

    private var payment: Delivery {
        Delivery(
            id: DeliveryID(rawValue: 1), tenantID: tenant, eventID: EventID(rawValue: 1), flowID: "payments", orderingKey: "payment:pi_1",
            state: .inFlight, attemptCount: 3, nextAttemptAt: created, leaseExpiresAt: nil, claimCount: 4, mapping: nil, connectorVersion: nil,
            lastError: nil, createdAt: created, updatedAt: created)
    }

    @Test func pausedFlowIntoSameTarget_waits() {
        let flows = [flow("payments"), flow("invoices", state: .paused)]

        #expect(ReferenceWait.of(payment, flow: flows[0], among: flows) == .paused("invoices"))
    }

    @Test func pausedFlowIntoOtherTarget_countsAsUsual() {
        let flows = [flow("payments"), flow("invoices", target: "odoo-other", state: .paused)]

        #expect(ReferenceWait.of(payment, flow: flows[0], among: flows) == .none)
    }

    @Test func ownPausedFlow_countsAsUsual() {
        let flows = [flow("payments", state: .paused), flow("invoices")]

        #expect(ReferenceWait.of(payment, flow: flows[0], among: flows) == .none)
    }

    @Test func flowResumedAfterCreation_countsFromResume() {
        let resumed = created.addingTimeInterval(600)
        let flows = [flow("payments"), flow("invoices", updatedAt: resumed)]

        #expect(ReferenceWait.of(payment, flow: flows[0], among: flows) == .countFrom(resumed))
    }

    @Test func concerns_onlyTransientMissingReferences() {
        #expect(ReferenceWait.concerns(ConnectorError.transient("reference_not_found", "the invoice does not exist in Odoo yet")))
        #expect(!ReferenceWait.concerns(ConnectorError.transient("timeout", "the request timed out")))
        #expect(!ReferenceWait.concerns(ConnectorError(.business, code: "reference_not_found", message: "the invoice was deleted")))
    }
}
