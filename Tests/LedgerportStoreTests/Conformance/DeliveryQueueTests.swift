import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct DeliveryQueueTests {
    private let transientError = AttemptError(failureClass: .transient, code: "odoo_timeout", message: "call Odoo: timed out")

    private func report(_ clock: ManualClock, _ outcome: AttemptOutcome) -> DeliveryAttemptReport {
        DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: outcome)
    }

    @Test(arguments: StoreFactory.all)
    func claim_holdsBackLaterDeliveriesOfSameObject(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let first = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", orderingKey: "invoice:a", clock: clock)
            let second = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_2", orderingKey: "invoice:a", clock: clock)
            let other = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_3", orderingKey: "invoice:b", clock: clock)

            let firstRound = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)
            let whileInFlight = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)
            _ = try await store.recordAttempt(report(clock, .delivered), claim: firstRound[0], tenant: tenant.id)
            let afterDelivery = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)

            #expect(firstRound.map(\.deliveryID) == [first, other])
            #expect(firstRound.allSatisfy { $0.delivery.state == .inFlight })
            #expect(whileInFlight.isEmpty)
            #expect(afterDelivery.map(\.deliveryID) == [second])
        }
    }

    @Test(arguments: StoreFactory.all)
    func claim_skipsDeliveriesOfPausedFlowUntilResumed(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            try await StoreFixtures.odooConnection(store, tenant: tenant)
            _ = try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)
            let pending = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", clock: clock)

            _ = try await store.setFlowState(.paused, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let whilePaused = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)
            _ = try await store.setFlowState(.active, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let afterResume = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)

            #expect(whilePaused.isEmpty)
            #expect(afterResume.map(\.deliveryID) == [pending])
        }
    }

    @Test(arguments: StoreFactory.all)
    func pausedFlow_blocksNoOtherFlow(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            try await StoreFixtures.odooConnection(store, tenant: tenant)
            _ = try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)
            _ = try await store.createFlow(StoreFixtures.flow("payments"), tenant: tenant.id, actor: StoreFixtures.actor)
            let invoice = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_inv", orderingVersion: 1_000, clock: clock)
            _ = try await store.setFlowState(.paused, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            var payment = StoreFixtures.event("evt_pay", deliveries: [NewDelivery(flowID: "payments", orderingKey: "invoice:in_1", orderingVersion: 2_000, notBefore: clock.now())])
            payment.eventType = "payment_intent.succeeded"
            guard case .stored(_, let paymentDeliveries) = try await store.insertEvents([payment], tenant: tenant.id).first else {
                throw StoreError(.storageFailure, "fixture payment event was not stored")
            }

            let dueTenants = try await store.tenantsWithDueDeliveries(limit: 10)
            let whilePaused = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)

            #expect(whilePaused.map(\.deliveryID) == paymentDeliveries)
            #expect(dueTenants == [tenant.id])
            _ = try await store.recordAttempt(report(clock, .delivered), claim: whilePaused[0], tenant: tenant.id)
            #expect(try await store.tenantsWithDueDeliveries(limit: 10).isEmpty)
            _ = try await store.setFlowState(.active, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            #expect(try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30).map(\.deliveryID) == [invoice])
        }
    }

    @Test(arguments: StoreFactory.all)
    func claim_runsEarlierSourceVersionFirst(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let payment = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_pay", orderingVersion: 2_000, clock: clock)
            let invoice = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_inv", orderingVersion: 1_000, clock: clock)

            let firstRound = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)
            _ = try await store.recordAttempt(report(clock, .delivered), claim: firstRound[0], tenant: tenant.id)
            let secondRound = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)

            #expect(firstRound.map(\.deliveryID) == [invoice])
            #expect(firstRound.first?.delivery.orderingVersion == 1_000)
            #expect(secondRound.map(\.deliveryID) == [payment])
        }
    }

    @Test(arguments: StoreFactory.all)
    func lateEarlierVersion_passesRetryingLaterOne(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let payment = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_pay", orderingVersion: 2_000, clock: clock)
            let claim = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)[0]
            _ = try await store.recordAttempt(report(clock, .retry(at: clock.now().addingTimeInterval(60), error: transientError)), claim: claim, tenant: tenant.id)
            let invoice = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_inv", orderingVersion: 1_000, clock: clock)

            let whileWaiting = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)
            _ = try await store.recordAttempt(report(clock, .delivered), claim: whileWaiting[0], tenant: tenant.id)
            clock.advance(seconds: 60)
            let afterRetryTime = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30)

            #expect(claim.deliveryID == payment)
            #expect(whileWaiting.map(\.deliveryID) == [invoice])
            #expect(afterRetryTime.map(\.deliveryID) == [payment])
        }
    }

    @Test(arguments: StoreFactory.all)
    func retry_becomesDueAtItsTime(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let id = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", clock: clock)
            let claim = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            let retryAt = clock.now().addingTimeInterval(60)

            let delivery = try await store.recordAttempt(report(clock, .retry(at: retryAt, error: transientError)), claim: claim, tenant: tenant.id)
            clock.advance(seconds: 59)
            let early = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)
            clock.advance(seconds: 1)
            let due = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)

            #expect(delivery.state == .pending)
            #expect(delivery.attemptCount == 1)
            #expect(delivery.nextAttemptAt == retryAt)
            #expect(delivery.lastError == "call Odoo: timed out")
            #expect(early.isEmpty)
            #expect(due.map(\.deliveryID) == [id])
            #expect(try await store.tenantsWithDueDeliveries(limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func claim_returnsTheStoredRow(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let event = try await store.insertEvents([StoreFixtures.event("evt_1")], tenant: tenant.id)[0].eventID
            let id = try await store.createDeliveries(
                [NewDelivery(flowID: "invoices", orderingKey: "invoice:in_1", orderingVersion: 7, notBefore: clock.now(),
                             mapping: MappingVersionReference(mappingID: "invoices", version: 2),
                             connectorVersion: SemanticVersion(major: 17, minor: 0, patch: 1))],
                event: event, tenant: tenant.id
            )[0].id

            let first = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            #expect(first.delivery == (try await store.delivery(id, tenant: tenant.id)))
            _ = try await store.recordAttempt(report(clock, .retry(at: clock.now(), error: transientError)), claim: first, tenant: tenant.id)
            clock.advance(seconds: 1)
            let second = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]

            #expect(second.delivery == (try await store.delivery(id, tenant: tenant.id)))
            #expect(second.claimNumber == 2)
            #expect(second.delivery.attemptCount == 1)
            #expect(second.delivery.lastError == "call Odoo: timed out")
            #expect(second.leaseExpiresAt == clock.now().addingTimeInterval(30))
        }
    }

    @Test(arguments: StoreFactory.all)
    func delivered_keepsNextAttemptTime(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let event = try await store.insertEvents([StoreFixtures.event("evt_1")], tenant: tenant.id)[0].eventID
            let mapping = MappingVersionReference(mappingID: "invoices", version: 2)
            let id = try await store.createDeliveries(
                [NewDelivery(flowID: "invoices", orderingKey: "invoice:in_1", notBefore: clock.now(), mapping: mapping)], event: event, tenant: tenant.id
            )[0].id
            let claim = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            clock.advance(seconds: 5)

            let delivery = try await store.recordAttempt(report(clock, .delivered), claim: claim, tenant: tenant.id)
            let attempts = try await store.deliveryAttempts(delivery: id, tenant: tenant.id)

            #expect(delivery.state == .delivered)
            #expect(delivery.attemptCount == 1)
            #expect(delivery.nextAttemptAt == claim.delivery.nextAttemptAt)
            #expect(delivery.leaseExpiresAt == nil)
            #expect(delivery.lastError == nil)
            #expect(delivery.claimCount == claim.claimNumber)
            #expect(delivery.updatedAt == clock.now())
            #expect(attempts.map(\.number) == [1])
            #expect(attempts.first?.mapping == mapping)
        }
    }

    @Test(arguments: StoreFactory.all)
    func expiredLease_staleClaimLoses(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let id = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", clock: clock)
            let stale = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]

            clock.advance(seconds: 29)
            #expect(try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30).isEmpty)
            clock.advance(seconds: 1)
            #expect(try await store.tenantsWithDueDeliveries(limit: 10) == [tenant.id])
            let fresh = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]

            let error = await #expect(throws: StoreError.self) {
                try await store.recordAttempt(report(clock, .delivered), claim: stale, tenant: tenant.id)
            }
            #expect(error?.code == .leaseLost)
            #expect(error?.failureClass == .transient)
            #expect(fresh.deliveryID == id)
            #expect(fresh.claimNumber == stale.claimNumber + 1)
            #expect(try await store.deliveryAttempts(delivery: id, tenant: tenant.id).isEmpty)

            let delivered = try await store.recordAttempt(report(clock, .delivered), claim: fresh, tenant: tenant.id)
            #expect(delivered.state == .delivered)
        }
    }

    @Test(arguments: StoreFactory.all)
    func attempts_areRecordedInOrder(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let id = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", clock: clock)

            let first = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            _ = try await store.recordAttempt(report(clock, .retry(at: clock.now(), error: transientError)), claim: first, tenant: tenant.id)
            let second = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            let done = try await store.recordAttempt(report(clock, .delivered), claim: second, tenant: tenant.id)
            let attempts = try await store.deliveryAttempts(delivery: id, tenant: tenant.id)

            #expect(attempts.map(\.number) == [1, 2])
            #expect(attempts.map(\.outcome) == [.retry, .delivered])
            #expect(attempts[0].error == transientError)
            #expect(attempts[1].error == nil)
            #expect(done.attemptCount == 2)
            #expect(try await store.deliveries(tenant: tenant.id, state: .delivered, after: nil, limit: 10).map(\.id) == [id])
        }
    }

    @Test(arguments: StoreFactory.all)
    func createDeliveries_forStoredEvent(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let event = try await store.insertEvents([StoreFixtures.event("evt_1")], tenant: tenant.id)[0].eventID
            let mapping = MappingVersionReference(mappingID: "invoices", version: 2)

            let created = try await store.createDeliveries(
                [NewDelivery(flowID: "backfill", orderingKey: "invoice:in_1", notBefore: clock.now(), mapping: mapping,
                             connectorVersion: SemanticVersion(major: 17, minor: 0, patch: 1))],
                event: event, tenant: tenant.id)

            #expect(created.count == 1)
            #expect(created[0].eventID == event)
            #expect(created[0].mapping == mapping)
            #expect(created[0].connectorVersion == SemanticVersion(major: 17, minor: 0, patch: 1))
            #expect(try await store.delivery(created[0].id, tenant: tenant.id) == created[0])
        }
    }

    @Test(arguments: StoreFactory.all)
    func createMissingDeliveries_skipsFlowsThatHaveOne(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let mapping = MappingVersionReference(mappingID: "customers", version: 1)
            func delivery(_ flow: FlowID) -> NewDelivery {
                NewDelivery(flowID: flow, orderingKey: "customer:cus_1", notBefore: clock.now(), mapping: mapping)
            }
            let listed = StoreFixtures.event("cus_1@backfill:1-2", deliveries: [delivery("customers-hourly")])
            let event = try await store.insertEvents([listed], tenant: tenant.id)[0].eventID

            let first = try await store.createMissingDeliveries(
                [(event: event, deliveries: [delivery("customers-hourly"), delivery("customers-copy")])], tenant: tenant.id)
            let again = try await store.createMissingDeliveries([(event: event, deliveries: [delivery("customers-copy")])], tenant: tenant.id)
            let all = try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 10)

            #expect(first.map(\.flowID) == ["customers-copy"])
            #expect(again.isEmpty)
            #expect(all.map(\.flowID.rawValue).sorted() == ["customers-copy", "customers-hourly"])
            #expect(try await store.createMissingDeliveries([], tenant: tenant.id).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func releaseAllClaims_requeuesEveryTenant(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let alpha = try await StoreFixtures.tenant(store, "alpha")
            let beta = try await StoreFixtures.tenant(store, "beta")
            try await StoreFixtures.connection(store, tenant: alpha)
            try await StoreFixtures.connection(store, tenant: beta)
            let alphaID = try await StoreFixtures.pendingDelivery(store, tenant: alpha, sourceID: "evt_a", clock: clock)
            let betaID = try await StoreFixtures.pendingDelivery(store, tenant: beta, sourceID: "evt_b", clock: clock)
            let stale = try await store.claimDueDeliveries(tenant: alpha.id, limit: 1, leaseSeconds: 300)[0]
            _ = try await store.claimDueDeliveries(tenant: beta.id, limit: 1, leaseSeconds: 300)
            let laterDue = clock.now().addingTimeInterval(3_600)
            _ = try await store.insertEvents(
                [StoreFixtures.event("evt_later", deliveries: [StoreFixtures.delivery("invoice:later", notBefore: laterDue)])], tenant: alpha.id)
            clock.advance(seconds: 10)

            let released = try await store.releaseAllClaims()
            let alphaDelivery = try await store.delivery(alphaID, tenant: alpha.id)
            let betaDelivery = try await store.delivery(betaID, tenant: beta.id)

            #expect(released == 2)
            #expect(alphaDelivery.state == .pending)
            #expect(alphaDelivery.nextAttemptAt == clock.now())
            #expect(alphaDelivery.leaseExpiresAt == nil)
            #expect(alphaDelivery.claimCount == stale.claimNumber)
            #expect(alphaDelivery.attemptCount == 0)
            #expect(betaDelivery.state == .pending)
            #expect(try await store.deliveries(tenant: alpha.id, state: .pending, after: nil, limit: 10).last?.nextAttemptAt == laterDue)
            #expect(try await store.releaseAllClaims() == 0)
        }
    }

    @Test(arguments: StoreFactory.all)
    func reportAfterRelease_isLeaseLost(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let id = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", clock: clock)
            let stale = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 300)[0]
            _ = try await store.releaseAllClaims()

            let beforeReclaim = await #expect(throws: StoreError.self) {
                try await store.recordAttempt(report(clock, .delivered), claim: stale, tenant: tenant.id)
            }
            let fresh = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 300)[0]
            let afterReclaim = await #expect(throws: StoreError.self) {
                try await store.recordAttempt(report(clock, .delivered), claim: stale, tenant: tenant.id)
            }
            let delivered = try await store.recordAttempt(report(clock, .delivered), claim: fresh, tenant: tenant.id)

            #expect(beforeReclaim?.code == .leaseLost)
            #expect(afterReclaim?.code == .leaseLost)
            #expect(fresh.deliveryID == id)
            #expect(fresh.claimNumber == stale.claimNumber + 1)
            #expect(delivered.state == .delivered)
            #expect(try await store.deliveryAttempts(delivery: id, tenant: tenant.id).count == 1)
        }
    }
}

/// The audit of a write whose delivery had a claim that ended without a recorded attempt, as after a crash.
@Suite struct UnrecordedAttemptAuditTests {
    private func writeReport(_ clock: ManualClock) -> DeliveryAttemptReport {
        DeliveryAttemptReport(
            startedAt: clock.now(), finishedAt: clock.now(), outcome: .delivered,
            auditEntries: [
                NewAuditEntry(
                    occurredAt: clock.now(), actor: "runtime", action: "target.write", subjectKind: "account.move", subjectID: "stripe_invoice_in_1",
                    details: ["effect": "unchanged"])
            ])
    }

    private func tenantWithPendingDelivery(_ store: any Store, clock: ManualClock) async throws -> Tenant {
        let tenant = try await StoreFixtures.tenant(store, "acme")
        try await StoreFixtures.connection(store, tenant: tenant)
        _ = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_1", clock: clock)
        return tenant
    }

    @Test(arguments: StoreFactory.all)
    func claimAfterLostOne_marksTheWrite(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithPendingDelivery(store, clock: clock)
            _ = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)
            // The process stops before it records the attempt; the next start releases the claim.
            _ = try await store.releaseAllClaims()
            let second = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]

            _ = try await store.recordAttempt(writeReport(clock), claim: second, tenant: tenant.id)

            let entry = try #require(try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 1_000).last)
            #expect(entry.action == "target.write")
            #expect(entry.details["earlier_attempt_unrecorded"] == true)
        }
    }

    @Test(arguments: StoreFactory.all)
    func retryAfterRecordedAttempt_isNotMarked(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithPendingDelivery(store, clock: clock)
            let first = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]
            let error = AttemptError(failureClass: .transient, code: "odoo_timeout", message: "call Odoo: timed out")
            _ = try await store.recordAttempt(
                DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .retry(at: clock.now(), error: error)),
                claim: first, tenant: tenant.id)
            let second = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)[0]

            _ = try await store.recordAttempt(writeReport(clock), claim: second, tenant: tenant.id)

            let entry = try #require(try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 1_000).last)
            #expect(entry.action == "target.write")
            #expect(entry.details["earlier_attempt_unrecorded"] == nil)
        }
    }
}
