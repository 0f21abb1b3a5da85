import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Giving a flow's stored events the deliveries they never got.
@Suite struct StoredEventDeliveryTests {
    private let since = Date(timeIntervalSince1970: 1_767_225_600)
    private let mapping = MappingVersionReference(mappingID: "invoices", version: 3)
    private let connectorVersion = SemanticVersion(major: 1, minor: 0, patch: 0)

    /// Stores, for flow `invoices` (invoice.paid from stripe-test), one event of each kind the selection distinguishes.
    ///
    /// - `evt_early`: received the day before `since`;
    /// - `evt_pruned`: received at `since`, its payload then removed by retention;
    /// - `evt_missed`: received a day later, with the source's ordering version and no delivery;
    /// - `evt_routed`: received a day later, with its delivery through the flow;
    /// - `evt_customer`: received a day later, of a type the flow does not take.
    private func tenantWithStoredEvents(_ store: any Store) async throws -> Tenant {
        let tenant = try await StoreFixtures.tenant(store, "acme")
        try await StoreFixtures.connection(store, tenant: tenant)
        try await StoreFixtures.odooConnection(store, tenant: tenant)
        _ = try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)
        let dayLater = since.addingTimeInterval(86_400)
        var customer = StoreFixtures.event("evt_customer", receivedAt: dayLater)
        customer.eventType = "customer.created"
        var missed = StoreFixtures.event("evt_missed", receivedAt: dayLater)
        missed.orderingVersion = 1_767_312_000_000
        _ = try await store.insertEvents(
            [
                StoreFixtures.event("evt_early", receivedAt: since.addingTimeInterval(-86_400)),
                StoreFixtures.event("evt_pruned", receivedAt: since),
                missed,
                StoreFixtures.event("evt_routed", receivedAt: dayLater, deliveries: [StoreFixtures.delivery(notBefore: dayLater)]),
                customer,
            ],
            tenant: tenant.id)
        _ = try await store.removePayloads(receivedBefore: since.addingTimeInterval(3_600), tenant: tenant.id)
        return tenant
    }

    private func request(dryRun: Bool) -> StoredEventDelivery {
        StoredEventDelivery(flow: "invoices", since: since, mapping: mapping, connectorVersion: connectorVersion, dryRun: dryRun)
    }

    private func eventIDs(of deliveries: [Delivery], in store: any Store, tenant: TenantID) async throws -> [String] {
        var ids = [String]()
        for delivery in deliveries {
            ids.append(try await store.event(delivery.eventID, tenant: tenant).sourceEventID)
        }
        return ids
    }

    @Test(arguments: StoreFactory.all)
    func dryRun_countsAndCreatesNothing(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithStoredEvents(store)

            let count = try await store.deliverStoredEvents(request(dryRun: true), tenant: tenant.id, actor: StoreFixtures.actor)

            #expect(count == StoredEventDeliveryCount(delivered: 1, alreadyDelivered: 1, withoutPayload: 1))
            #expect(try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 100).count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func deliver_createsDeliveryPerMissedEvent(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithStoredEvents(store)

            let count = try await store.deliverStoredEvents(request(dryRun: false), tenant: tenant.id, actor: StoreFixtures.actor)

            #expect(count == StoredEventDeliveryCount(delivered: 1, alreadyDelivered: 1, withoutPayload: 1))
            let deliveries = try await store.deliveries(tenant: tenant.id, state: .pending, after: nil, limit: 100)
            #expect(try await eventIDs(of: deliveries, in: store, tenant: tenant.id) == ["evt_routed", "evt_missed"])
            let created = try #require(deliveries.last)
            #expect(created.flowID == "invoices")
            #expect(created.orderingKey == "invoice:in_1")
            #expect(created.orderingVersion == 1_767_312_000_000)
            #expect(created.mapping == mapping)
            #expect(created.connectorVersion == connectorVersion)
            #expect(created.nextAttemptAt == clock.now())
        }
    }

    @Test(arguments: StoreFactory.all)
    func deliverTwice_createsNothingTheSecondTime(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithStoredEvents(store)

            _ = try await store.deliverStoredEvents(request(dryRun: false), tenant: tenant.id, actor: StoreFixtures.actor)
            let again = try await store.deliverStoredEvents(request(dryRun: false), tenant: tenant.id, actor: StoreFixtures.actor)

            #expect(again == StoredEventDeliveryCount(delivered: 0, alreadyDelivered: 2, withoutPayload: 1))
            #expect(try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 100).count == 2)
        }
    }

    @Test(arguments: StoreFactory.all)
    func deliver_isAudited(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithStoredEvents(store)

            _ = try await store.deliverStoredEvents(request(dryRun: false), tenant: tenant.id, actor: StoreFixtures.actor)

            let entry = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).last
            #expect(entry?.action == "flow.stored_events_delivered")
            #expect(entry?.subjectID == "invoices")
            #expect(entry?.actor == StoreFixtures.actor)
            #expect(entry?.details.objectValue?["deliveries_created"] == 1)
            #expect(entry?.details.objectValue?["without_payload"] == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsEvents_areNotSelected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            _ = try await tenantWithStoredEvents(store)
            let other = try await StoreFixtures.tenant(store, "globex")
            try await StoreFixtures.connection(store, tenant: other)
            try await StoreFixtures.odooConnection(store, tenant: other)
            _ = try await store.createFlow(StoreFixtures.flow(), tenant: other.id, actor: StoreFixtures.actor)

            let count = try await store.deliverStoredEvents(request(dryRun: false), tenant: other.id, actor: StoreFixtures.actor)

            #expect(count == StoredEventDeliveryCount(delivered: 0, alreadyDelivered: 0, withoutPayload: 0))
        }
    }

    @Test(arguments: StoreFactory.all)
    func pausedFlow_isConflict(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithStoredEvents(store)
            _ = try await store.setFlowState(.paused, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)

            let error = await #expect(throws: StoreError.self) {
                try await store.deliverStoredEvents(request(dryRun: false), tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .conflict)
            #expect(try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 100).count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func unknownFlow_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithStoredEvents(store)
            var missing = request(dryRun: true)
            missing.flow = "nope"

            let error = await #expect(throws: StoreError.self) {
                try await store.deliverStoredEvents(missing, tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .notFound)
        }
    }
}
