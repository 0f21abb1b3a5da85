import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// A connection's plain configuration can be replaced, with an audit entry naming the fields that changed.
@Suite struct ConnectionConfigurationTests {
    @Test(arguments: StoreFactory.all)
    func configure_replacesAndAuditsChangedFields(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let created = try await StoreFixtures.odooConnection(store, tenant: tenant)
            clock.advance(seconds: 60)

            let updated = try await store.setConnectionConfiguration(
                ["base_url": "http://127.0.0.1:8070", "database": "demo"], connection: created.id, tenant: tenant.id, actor: StoreFixtures.actor)
            let entries = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)
            let configured = try #require(entries.last)

            #expect(updated.configuration == ["base_url": "http://127.0.0.1:8070", "database": "demo"])
            #expect(updated.updatedAt == created.updatedAt.addingTimeInterval(60))
            #expect(try await store.connection(created.id, tenant: tenant.id) == updated)
            #expect(configured.action == "connection.configured")
            #expect(configured.subjectID == created.id.rawValue)
            #expect(configured.details["changed_fields"] == ["base_url", "database"])
            #expect(configured.details["from"] == ["base_url": "http://127.0.0.1:8069", "database": .null])
            #expect(configured.details["to"] == ["base_url": "http://127.0.0.1:8070", "database": "demo"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func configureOverChangedConfiguration_isConflict(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let created = try await StoreFixtures.odooConnection(store, tenant: tenant)
            let changed = try await store.setConnectionConfiguration(
                ["base_url": "http://127.0.0.1:8070"], connection: created.id, tenant: tenant.id, actor: StoreFixtures.actor)
            let entriesBefore = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)

            let error = await #expect(throws: StoreError.self) {
                try await store.setConnectionConfiguration(
                    ["base_url": "http://127.0.0.1:8069", "database": "demo"], replacing: created.configuration, connection: created.id,
                    tenant: tenant.id, actor: StoreFixtures.actor)
            }
            let applied = try await store.setConnectionConfiguration(
                ["base_url": "http://127.0.0.1:8070", "database": "demo"], replacing: changed.configuration, connection: created.id,
                tenant: tenant.id, actor: StoreFixtures.actor)
            let entriesAfter = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)

            #expect(error?.code == .conflict)
            #expect(error?.message.contains("changed after it was read") == true)
            #expect(applied.configuration == ["base_url": "http://127.0.0.1:8070", "database": "demo"])
            #expect(entriesAfter.count == entriesBefore.count + 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func configureWithNonObject_isInvalidInput(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let created = try await StoreFixtures.odooConnection(store, tenant: tenant)

            let error = await #expect(throws: StoreError.self) {
                try await store.setConnectionConfiguration(["a", "b"], connection: created.id, tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .invalidInput)
            #expect(try await store.connection(created.id, tenant: tenant.id).configuration == created.configuration)
        }
    }

    @Test(arguments: StoreFactory.all)
    func configureOtherTenantsConnection_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let acme = try await StoreFixtures.tenant(store, "acme")
            let globex = try await StoreFixtures.tenant(store, "globex")
            let created = try await StoreFixtures.odooConnection(store, tenant: globex)

            let error = await #expect(throws: StoreError.self) {
                try await store.setConnectionConfiguration(["database": "x"], connection: created.id, tenant: acme.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .notFound)
            #expect(try await store.connection(created.id, tenant: globex.id).configuration == created.configuration)
        }
    }
}
