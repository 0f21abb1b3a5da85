import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// The counts behind a flow's service level objective.
@Suite struct DeliveryLatencyTests {
    private let transientError = AttemptError(failureClass: .transient, code: "odoo_timeout", message: "call Odoo: timed out")
    private let businessError = AttemptError(failureClass: .business, code: "odoo_user_error", message: "post invoice: rejected")

    /// Ingests one event with a delivery of `flow` for its own business object and returns the delivery's id.
    private func deliver(
        _ store: any Store, _ tenant: Tenant, _ clock: ManualClock, _ name: String, flow: FlowID = "invoices"
    ) async throws -> DeliveryID {
        let event = StoreFixtures.event(
            "evt_\(name)", deliveries: [NewDelivery(flowID: flow, orderingKey: "invoice:\(name)", notBefore: clock.now())])
        guard case .stored(_, let deliveries) = try await store.insertEvents([event], tenant: tenant.id)[0] else {
            throw StoreError(.storageFailure, "fixture event \"\(name)\" was not stored")
        }
        return deliveries[0]
    }

    @Test(arguments: StoreFactory.all)
    func summary_countsEachOutcomeSinceStart(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            try await StoreFixtures.odooConnection(store, tenant: tenant)
            _ = try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)
            let before = clock.now()
            let old = try await deliver(store, tenant, clock, "old")
            clock.advance(seconds: 60)
            let since = clock.now()
            let fast = try await deliver(store, tenant, clock, "fast")
            let onTarget = try await deliver(store, tenant, clock, "on_target")
            let slow = try await deliver(store, tenant, clock, "slow")
            let parked = try await deliver(store, tenant, clock, "parked")
            let retrying = try await deliver(store, tenant, clock, "retrying")
            let discarded = try await deliver(store, tenant, clock, "discarded")
            _ = try await deliver(store, tenant, clock, "in_flight")
            let otherFlow = try await deliver(store, tenant, clock, "refund", flow: "refunds")
            let claims = try await store.claimDueDeliveries(tenant: tenant.id, limit: 20, leaseSeconds: 300)
            let record = { (outcome: AttemptOutcome, id: DeliveryID) in
                let claim = try #require(claims.first { $0.deliveryID == id })
                _ = try await store.recordAttempt(
                    DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: outcome), claim: claim, tenant: tenant.id)
            }

            clock.advance(seconds: 5)
            try await record(.delivered, fast)
            try await record(.delivered, otherFlow)
            try await record(.park(reason: .business, error: businessError), parked)
            try await record(.park(reason: .business, error: businessError), discarded)
            let letter = try await store.deadLetters(tenant: tenant.id, filter: DeadLetterFilter(status: .parked), after: nil, limit: 10)
                .first { $0.deliveryID == discarded }
            _ = try await store.closeDeadLetter(
                try #require(letter).id, as: .discarded, reason: "voided in Stripe", tenant: tenant.id, actor: StoreFixtures.actor)
            try await record(.retry(at: clock.now().addingTimeInterval(600), error: transientError), retrying)
            clock.advance(seconds: 25)
            try await record(.delivered, onTarget)
            clock.advance(seconds: 15)
            try await record(.delivered, slow)
            try await record(.delivered, old)

            let recent = try await store.deliveryLatencySummary(flow: "invoices", since: since, targetSeconds: 30, tenant: tenant.id)
            let all = try await store.deliveryLatencySummary(flow: "invoices", since: before, targetSeconds: 30, tenant: tenant.id)
            let later = try await store.deliveryLatencySummary(flow: "invoices", since: clock.now(), targetSeconds: 30, tenant: tenant.id)

            #expect(claims.count == 9)
            #expect(recent == DeliveryLatencySummary(total: 7, delivered: 3, deliveredWithinTarget: 2, parked: 1, open: 2, discarded: 1))
            #expect(all == DeliveryLatencySummary(total: 8, delivered: 4, deliveredWithinTarget: 2, parked: 1, open: 2, discarded: 1))
            #expect(later == DeliveryLatencySummary(total: 0, delivered: 0, deliveredWithinTarget: 0, parked: 0, open: 0))
        }
    }

    @Test(arguments: StoreFactory.all)
    func summaryOfUnknownFlow_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")

            let error = await #expect(throws: StoreError.self) {
                try await store.deliveryLatencySummary(flow: "invoices", since: clock.now(), targetSeconds: 30, tenant: tenant.id)
            }

            #expect(error?.code == .notFound)
        }
    }
}
