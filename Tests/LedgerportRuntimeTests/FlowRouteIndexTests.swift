import LedgerportSDK
import LedgerportStore
import Testing

@testable import LedgerportRuntime

/// ``FlowRouter``'s index of a source connection's routes by event type.
@Suite struct FlowRouteIndexTests {
    private func route(_ flow: String) -> FlowRoute {
        FlowRoute(
            flowID: FlowID(rawValue: flow), mapping: MappingVersionReference(mappingID: MappingID(rawValue: flow), version: 1),
            targetConnectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0))
    }

    @Test func eventType_getsItsFlowsInOrder() {
        let routes = [route("invoices"), route("payments"), route("audit")]
        let index = FlowRouter.indexedByEventType(
            routes,
            eventTypes: [
                ["invoice.created", "invoice.paid"], ["invoice.paid", "charge.refunded"], ["invoice.created", "invoice.paid", "charge.refunded"],
            ])

        #expect(index["invoice.created"]?.map(\.flowID.rawValue) == ["invoices", "audit"])
        #expect(index["invoice.paid"]?.map(\.flowID.rawValue) == ["invoices", "payments", "audit"])
        #expect(index["charge.refunded"]?.map(\.flowID.rawValue) == ["payments", "audit"])
        #expect(index["customer.created"] == nil)
        #expect(index.count == 3)
    }

    @Test func sameFlows_shareOneArray() throws {
        let routes = [route("customers"), route("invoices")]
        let index = FlowRouter.indexedByEventType(
            routes, eventTypes: [["customer.created", "customer.updated", "customer.deleted"], ["invoice.paid"]])

        let storage = { (eventType: String) in index[eventType]?.withUnsafeBufferPointer { $0.baseAddress } }
        let base = try #require(storage("customer.created"))
        #expect(storage("customer.updated") == base)
        #expect(storage("customer.deleted") == base)
        #expect(try #require(storage("invoice.paid")) != base)
    }
}
