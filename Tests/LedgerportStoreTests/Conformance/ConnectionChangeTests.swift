import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Checks that every change to a connection's configuration, state or secret values takes the next change number, store-wide.
@Suite struct ConnectionChangeTests {
    private func sealed(_ field: String, at instant: Date) -> NewSealedSecretValue {
        NewSealedSecretValue(field: field, sealedBox: Array(repeating: 7, count: 40), activeFrom: instant)
    }

    @Test(arguments: StoreFactory.all)
    func newConnectionsWithoutSecrets_areNotChanges(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)

            let changes = try await store.connectionChanges(after: 0)

            #expect(changes.changed.isEmpty)
            #expect(changes.latest == 0)
        }
    }

    @Test(arguments: StoreFactory.all)
    func eachKindOfChange_listsItsConnectionOnce(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let acme = try await StoreFixtures.tenant(store, "acme")
            let globex = try await StoreFixtures.tenant(store, "globex")
            try await StoreFixtures.connection(store, tenant: acme)
            try await StoreFixtures.odooConnection(store, tenant: globex)
            let start = try await store.connectionChanges(after: 0).latest

            _ = try await store.setConnectionConfiguration(
                ["base_url": "http://127.0.0.1:8070"], connection: "odoo-test", tenant: globex.id, actor: StoreFixtures.actor)
            let configured = try await store.connectionChanges(after: start)
            let added = try await store.addSecretValue(
                sealed("api_key", at: clock.now()), connection: "stripe-test", tenant: acme.id, actor: StoreFixtures.actor)
            let secretAdded = try await store.connectionChanges(after: configured.latest)
            _ = try await store.expireSecretValue(
                added.id, at: clock.now(), connection: "stripe-test", tenant: acme.id, actor: StoreFixtures.actor)
            let secretExpired = try await store.connectionChanges(after: secretAdded.latest)
            _ = try await store.setConnectionState(.paused, connection: "odoo-test", tenant: globex.id, actor: StoreFixtures.actor)
            let stateChanged = try await store.connectionChanges(after: secretExpired.latest)
            let none = try await store.connectionChanges(after: stateChanged.latest)
            let all = try await store.connectionChanges(after: start)

            let odoo = ConnectionChanges.Changed(tenantID: globex.id, connectionID: "odoo-test")
            let stripe = ConnectionChanges.Changed(tenantID: acme.id, connectionID: "stripe-test")
            #expect(configured.changed == [odoo])
            #expect(secretAdded.changed == [stripe])
            #expect(secretExpired.changed == [stripe])
            #expect(stateChanged.changed == [odoo])
            #expect([start, configured.latest, secretAdded.latest, secretExpired.latest, stateChanged.latest] == [0, 1, 2, 3, 4])
            #expect(none == ConnectionChanges(changed: [], latest: 4))
            #expect(all == ConnectionChanges(changed: [stripe, odoo], latest: 4))
        }
    }

    @Test(arguments: StoreFactory.all)
    func connectionCreatedWithSecrets_isAChange(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            _ = try await store.createConnection(
                NewConnection(
                    id: "stripe-test", environment: .test, connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
                    configuration: [:], secretValues: [sealed("api_key", at: clock.now())]),
                tenant: tenant.id, actor: StoreFixtures.actor)

            let changes = try await store.connectionChanges(after: 0)

            #expect(changes.changed == [ConnectionChanges.Changed(tenantID: tenant.id, connectionID: "stripe-test")])
            #expect(changes.latest == 1)
        }
    }
}
