import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Pending deliveries waiting out a backoff can be made due at once, and one waiting behind another names it.
@Suite struct DueDeliveryTests {
    private let missing = AttemptError(failureClass: .transient, code: "reference_not_found", message: "the invoice does not exist in Odoo yet")

    @Test(arguments: StoreFactory.all)
    func makeDue_movesOnlyLaterPendingDeliveries(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let acme = try await StoreFixtures.tenant(store, "acme")
            let globex = try await StoreFixtures.tenant(store, "globex")
            try await StoreFixtures.connection(store, tenant: acme)
            try await StoreFixtures.connection(store, tenant: globex)
            let waiting = try await StoreFixtures.pendingDelivery(store, tenant: acme, sourceID: "evt_1", orderingKey: "payment:a", clock: clock)
            let inFlight = try await StoreFixtures.pendingDelivery(store, tenant: acme, sourceID: "evt_2", orderingKey: "payment:b", clock: clock)
            let dueAlready = try await StoreFixtures.pendingDelivery(store, tenant: acme, sourceID: "evt_3", orderingKey: "payment:c", clock: clock)
            let otherTenant = try await StoreFixtures.pendingDelivery(store, tenant: globex, sourceID: "evt_4", orderingKey: "payment:a", clock: clock)
            let claims = try await store.claimDueDeliveries(tenant: acme.id, limit: 10, leaseSeconds: 30)
            let later = clock.now().addingTimeInterval(60)
            for claim in claims where claim.deliveryID == waiting {
                _ = try await store.recordAttempt(
                    DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .retry(at: later, error: missing)), claim: claim,
                    tenant: acme.id)
            }
            for claim in claims where claim.deliveryID == dueAlready {
                _ = try await store.recordAttempt(
                    DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .retry(at: clock.now(), error: missing)),
                    claim: claim, tenant: acme.id)
            }
            clock.advance(seconds: 5)

            let changed = try await store.makeDeliveriesDue(
                [waiting, inFlight, dueAlready, otherTenant], tenant: acme.id, at: clock.now())

            #expect(changed == 1)
            #expect(try await store.delivery(waiting, tenant: acme.id).nextAttemptAt == clock.now())
            #expect(try await store.delivery(inFlight, tenant: acme.id).state == .inFlight)
            #expect(try await store.delivery(dueAlready, tenant: acme.id).nextAttemptAt == clock.now().addingTimeInterval(-5))
            #expect(try await store.delivery(otherTenant, tenant: globex.id).attemptCount == 0)
            #expect(try await store.makeDeliveriesDue([], tenant: acme.id, at: clock.now()) == 0)
        }
    }

    @Test(arguments: StoreFactory.all)
    func holdingBack_namesEarlierOpenDelivery(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let first = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", orderingKey: "invoice:a", clock: clock)
            let second = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_2", orderingKey: "invoice:a", clock: clock)
            let other = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_3", orderingKey: "invoice:b", clock: clock)

            let heldBefore = try await store.deliveryHoldingBack(second, tenant: tenant.id)
            let firstHeld = try await store.deliveryHoldingBack(first, tenant: tenant.id)
            let otherHeld = try await store.deliveryHoldingBack(other, tenant: tenant.id)
            let claims = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)
            for claim in claims where claim.deliveryID == first {
                _ = try await store.recordAttempt(
                    DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .delivered), claim: claim, tenant: tenant.id)
            }
            let heldAfter = try await store.deliveryHoldingBack(second, tenant: tenant.id)

            #expect(heldBefore?.id == first)
            #expect(firstHeld == nil)
            #expect(otherHeld == nil)
            #expect(heldAfter == nil)
        }
    }

}
