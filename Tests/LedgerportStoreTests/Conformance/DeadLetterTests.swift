import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct DeadLetterTests {
    private let businessError = AttemptError(
        failureClass: .business, code: "odoo_user_error", message: "post invoice \"in_1\": rejected by Odoo",
        targetMessage: "The journal entry is not balanced.")

    /// Creates a tenant with one parked delivery and returns the tenant, the delivery id and the dead letter.
    private func parkedDelivery(_ store: any Store, _ clock: ManualClock) async throws -> (Tenant, DeliveryID, DeadLetter) {
        let tenant = try await StoreFixtures.tenant(store, "acme")
        try await StoreFixtures.connection(store, tenant: tenant)
        let id = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", clock: clock)
        let claim = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
        _ = try await store.recordAttempt(
            DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .park(reason: .business, error: businessError)),
            claim: claim, tenant: tenant.id)
        let letter = try await store.deadLetters(tenant: tenant.id, filter: DeadLetterFilter(status: .parked), after: nil, limit: 10)[0]
        return (tenant, id, letter)
    }

    @Test(arguments: StoreFactory.all)
    func park_keepsReasonMessageAndCorrelationID(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, deliveryID, letter) = try await parkedDelivery(store, clock)

            #expect(letter.deliveryID == deliveryID)
            #expect(letter.reason == .business)
            #expect(letter.errorCode == "odoo_user_error")
            #expect(letter.targetMessage == "The journal entry is not balanced.")
            #expect(letter.correlationID == "corr-evt_1")
            #expect(letter.flowID == "invoices")
            #expect(try await store.delivery(deliveryID, tenant: tenant.id).state == .parked)
            #expect(try await store.deadLetters(tenant: tenant.id, filter: DeadLetterFilter(reason: .system), after: nil, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func replay_requeuesUnderNewerMapping(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, deliveryID, letter) = try await parkedDelivery(store, clock)
            _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let version = try await store.addMappingVersion(["rules": []], mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)

            let delivery = try await store.replayDeadLetter(
                letter.id, notBefore: clock.now(), mapping: version.reference, tenant: tenant.id, actor: StoreFixtures.actor)
            let again = await #expect(throws: StoreError.self) {
                try await store.replayDeadLetter(letter.id, notBefore: clock.now(), mapping: nil, tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(delivery.state == .pending)
            #expect(delivery.attemptCount == 0)
            #expect(delivery.mapping == version.reference)
            #expect(try await store.deadLetter(letter.id, tenant: tenant.id).status == .replayed)
            #expect(again?.code == .conflict)
            #expect(try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30).map(\.deliveryID) == [deliveryID])
        }
    }

    @Test(arguments: StoreFactory.all)
    func replayOfClosedLetter_namesNewerLetter(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, _, letter) = try await parkedDelivery(store, clock)
            _ = try await store.replayDeadLetter(letter.id, notBefore: clock.now(), mapping: nil, tenant: tenant.id, actor: StoreFixtures.actor)
            let claim = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            _ = try await store.recordAttempt(
                DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .park(reason: .business, error: businessError)),
                claim: claim, tenant: tenant.id)
            let newer = try await store.deadLetters(tenant: tenant.id, filter: DeadLetterFilter(status: .parked), after: nil, limit: 10)

            let again = await #expect(throws: StoreError.self) {
                try await store.replayDeadLetter(letter.id, notBefore: clock.now(), mapping: nil, tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(newer.count == 1)
            #expect(newer.first?.id != letter.id)
            #expect(again?.code == .conflict)
            #expect(again?.hint == "its delivery was parked again as dead letter \(newer.first?.id.rawValue ?? 0); inspect or replay that one")
        }
    }

    @Test(arguments: StoreFactory.all)
    func replayedDelivery_recordsAttemptUnderNewMapping(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, deliveryID, letter) = try await parkedDelivery(store, clock)
            _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let version = try await store.addMappingVersion(["rules": []], mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            _ = try await store.replayDeadLetter(letter.id, notBefore: clock.now(), mapping: version.reference, tenant: tenant.id, actor: StoreFixtures.actor)

            let claim = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            _ = try await store.recordAttempt(
                DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .delivered), claim: claim, tenant: tenant.id)
            let attempts = try await store.deliveryAttempts(delivery: deliveryID, tenant: tenant.id)

            #expect(attempts.count == 2)
            #expect(attempts.last?.mapping == version.reference)
            #expect(attempts.first?.mapping != version.reference)
        }
    }

    @Test(arguments: StoreFactory.all)
    func discard_closesLetterAndDelivery(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, deliveryID, letter) = try await parkedDelivery(store, clock)

            let closed = try await store.closeDeadLetter(
                letter.id, as: .discarded, reason: "invoice voided in Stripe", tenant: tenant.id, actor: StoreFixtures.actor)

            #expect(closed.status == .discarded)
            #expect(closed.closeReason == "invoice voided in Stripe")
            #expect(closed.closedBy == StoreFixtures.actor)
            #expect(closed.closedAt == clock.now())
            #expect(try await store.delivery(deliveryID, tenant: tenant.id).state == .discarded)
            let audit = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)
            #expect(audit.last?.action == "dead_letter.discarded")
        }
    }

    @Test(arguments: StoreFactory.all)
    func closeWithoutReason_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, _, letter) = try await parkedDelivery(store, clock)

            let blank = await #expect(throws: StoreError.self) {
                try await store.closeDeadLetter(letter.id, as: .discarded, reason: " ", tenant: tenant.id, actor: StoreFixtures.actor)
            }
            let parked = await #expect(throws: StoreError.self) {
                try await store.closeDeadLetter(letter.id, as: .parked, reason: "why", tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(blank?.code == .invalidInput)
            #expect(parked?.code == .invalidInput)
            #expect(try await store.deadLetter(letter.id, tenant: tenant.id).status == .parked)
        }
    }
}
