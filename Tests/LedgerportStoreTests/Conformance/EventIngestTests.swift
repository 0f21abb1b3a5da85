import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct EventIngestTests {
    @Test(arguments: StoreFactory.all)
    func sameSourceEventID_isStoredOnce(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)

            let first = try await store.insertEvents([StoreFixtures.event("evt_1", deliveries: [StoreFixtures.delivery()])], tenant: tenant.id)
            let second = try await store.insertEvents([StoreFixtures.event("evt_1", deliveries: [StoreFixtures.delivery()])], tenant: tenant.id)

            #expect(first[0].isDuplicate == false)
            #expect(second == [.duplicate(first[0].eventID)])
            #expect(try await store.events(tenant: tenant.id, connection: nil, after: nil, limit: 10).count == 1)
            #expect(try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 10).count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func newestEvents_ofOneConnectionNewestFirst(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let acme = try await StoreFixtures.tenant(store, "acme")
            for connection: ConnectionID in ["stripe-test", "stripe-eu"] {
                try await StoreFixtures.connection(store, tenant: acme, id: connection)
            }
            let events = ["evt_1", "evt_2", "evt_3"].map { StoreFixtures.event($0) } + [StoreFixtures.event("evt_4", connection: "stripe-eu")]
            _ = try await store.insertEvents(events, tenant: acme.id)

            let newest = try await store.newestEvents(tenant: acme.id, connection: "stripe-test", eventTypes: nil, limit: 2)
            let otherType = try await store.newestEvents(tenant: acme.id, connection: "stripe-test", eventTypes: ["customer.created"], limit: 2)
            let sameType = try await store.newestEvents(
                tenant: acme.id, connection: "stripe-test", eventTypes: ["customer.created", "invoice.paid"], limit: 5)

            #expect(newest.map(\.sourceEventID) == ["evt_3", "evt_2"])
            #expect(otherType.isEmpty)
            #expect(sameType.map(\.sourceEventID) == ["evt_3", "evt_2", "evt_1"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func newestEvents_skipEventsWithoutPayload(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let acme = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: acme, id: "stripe-test")
            _ = try await store.insertEvents(["evt_1", "evt_2"].map { StoreFixtures.event($0) }, tenant: acme.id)
            clock.advance(seconds: 60)
            let removed = try await store.removePayloads(receivedBefore: clock.now(), tenant: acme.id)
            _ = try await store.insertEvents([StoreFixtures.event("evt_3")], tenant: acme.id)

            let newest = try await store.newestEvents(tenant: acme.id, connection: "stripe-test", eventTypes: nil, limit: 5)

            #expect(removed == 2)
            #expect(newest.map(\.sourceEventID) == ["evt_3"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherConnectionOrTenant_isNotDuplicate(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let acme = try await StoreFixtures.tenant(store, "acme")
            let globex = try await StoreFixtures.tenant(store, "globex")
            try await StoreFixtures.connection(store, tenant: acme)
            try await StoreFixtures.connection(store, tenant: acme, id: "stripe-eu")
            try await StoreFixtures.connection(store, tenant: globex)

            let acmeOutcomes = try await store.insertEvents(
                [StoreFixtures.event("evt_1"), StoreFixtures.event("evt_1", connection: "stripe-eu")], tenant: acme.id)
            let globexOutcomes = try await store.insertEvents([StoreFixtures.event("evt_1")], tenant: globex.id)

            #expect(acmeOutcomes.map(\.isDuplicate) == [false, false])
            #expect(globexOutcomes.map(\.isDuplicate) == [false])
            #expect(Set((acmeOutcomes + globexOutcomes).map(\.eventID)).count == 3)
        }
    }

    @Test(arguments: StoreFactory.all)
    func duplicateInsideBatch_createsNoDelivery(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let event = StoreFixtures.event("evt_1", deliveries: [StoreFixtures.delivery()])

            let outcomes = try await store.insertEvents([event, event, StoreFixtures.event("evt_2")], tenant: tenant.id)

            #expect(outcomes.map(\.isDuplicate) == [false, true, false])
            #expect(outcomes[1].eventID == outcomes[0].eventID)
            #expect(try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 10).count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func storedEvent_keepsFieldsAndDigest(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let event = StoreFixtures.event("evt_1")

            let id = try await store.insertEvents([event], tenant: tenant.id)[0].eventID
            let stored = try await store.event(id, tenant: tenant.id)

            #expect(stored.sourceEventID == "evt_1")
            #expect(stored.eventType == "invoice.paid")
            #expect(stored.correlationID == "corr-evt_1")
            #expect(stored.receivedAt == event.receivedAt)
            #expect(stored.payload == Array("{\"id\":\"evt_1\"}".utf8))
            #expect(stored.payloadSHA256 == MessageAuthentication.sha256(Array("{\"id\":\"evt_1\"}".utf8)))
            #expect(stored.orderingKey == "invoice:in_1")
        }
    }

    @Test(arguments: StoreFactory.all)
    func removePayloads_keepsDigestAndNewerPayloads(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let old = StoreFixtures.event("evt_old", receivedAt: Date(timeIntervalSince1970: 1_000))
            let new = StoreFixtures.event("evt_new", receivedAt: Date(timeIntervalSince1970: 3_000))
            let ids = try await store.insertEvents([old, new], tenant: tenant.id).map(\.eventID)

            let removed = try await store.removePayloads(receivedBefore: Date(timeIntervalSince1970: 2_000), tenant: tenant.id)

            #expect(removed == 1)
            #expect(try await store.event(ids[0], tenant: tenant.id).payload == nil)
            #expect(try await store.event(ids[0], tenant: tenant.id).payloadSHA256 == old.payloadSHA256)
            #expect(try await store.event(ids[1], tenant: tenant.id).payload != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func removePayloads_keepsPayloadsOfOpenOrParkedDeliveries(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let pending = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_pending", orderingKey: "a", clock: clock)
            _ = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_parked", orderingKey: "b", clock: clock)
            _ = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_done", orderingKey: "c", clock: clock)
            let claims = try await store.claimDueDeliveries(tenant: tenant.id, limit: 10, leaseSeconds: 30).filter { $0.deliveryID != pending }
            let error = AttemptError(failureClass: .business, code: "odoo_user_error", message: "rejected")
            _ = try await store.recordAttempt(DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .park(reason: .business, error: error)), claim: claims[0], tenant: tenant.id)
            _ = try await store.recordAttempt(DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .delivered), claim: claims[1], tenant: tenant.id)

            let removed = try await store.removePayloads(receivedBefore: .distantFuture, tenant: tenant.id)
            let events = try await store.events(tenant: tenant.id, connection: nil, after: nil, limit: 10)

            #expect(removed == 1)
            #expect(events.filter { $0.payload == nil }.map(\.sourceEventID) == ["evt_done"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func eventWithBlankSourceID_rejectsWholeBatch(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)

            let error = await #expect(throws: StoreError.self) {
                try await store.insertEvents([StoreFixtures.event("evt_1"), StoreFixtures.event(" ")], tenant: tenant.id)
            }

            #expect(error?.code == .invalidInput)
            #expect(try await store.events(tenant: tenant.id, connection: nil, after: nil, limit: 10).isEmpty)
        }
    }
}
