import LedgerportSDK
import LedgerportStore
import Testing

@testable import LedgerportRuntime

@Suite struct ReferenceWaitersTests {
    private let invoice = TargetReference(model: "account.move", externalID: "stripe_invoice_in_1")
    private let other = TargetReference(model: "account.move", externalID: "stripe_invoice_in_2")

    @Test func release_returnsWaitersOfThatTenantOnce() {
        let waiters = ReferenceWaiters()
        waiters.add(DeliveryID(rawValue: 7), waitingFor: invoice, tenant: "acme")
        waiters.add(DeliveryID(rawValue: 3), waitingFor: invoice, tenant: "acme")
        waiters.add(DeliveryID(rawValue: 9), waitingFor: invoice, tenant: "globex")
        waiters.add(DeliveryID(rawValue: 5), waitingFor: other, tenant: "acme")

        let released = waiters.release([invoice], tenant: "acme")
        let again = waiters.release([invoice], tenant: "acme")

        #expect(released == [DeliveryID(rawValue: 3), DeliveryID(rawValue: 7)])
        #expect(again.isEmpty)
        #expect(waiters.waitingCount == 2)
    }

    @Test func fullRegistry_ignoresNewWaiters() {
        let waiters = ReferenceWaiters(capacity: 1)
        waiters.add(DeliveryID(rawValue: 1), waitingFor: invoice, tenant: "acme")
        waiters.add(DeliveryID(rawValue: 2), waitingFor: other, tenant: "acme")

        #expect(waiters.waitingCount == 1)
        #expect(waiters.release([other], tenant: "acme").isEmpty)
        #expect(waiters.release([invoice], tenant: "acme") == [DeliveryID(rawValue: 1)])
    }
}
