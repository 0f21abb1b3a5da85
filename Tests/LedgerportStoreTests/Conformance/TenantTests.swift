import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct TenantTests {
    @Test(arguments: StoreFactory.all)
    func createTenant_addsTestAndProduction(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")

            let environments = try await store.environments(tenant: tenant.id)

            #expect(environments.map(\.name) == [.production, .test])
            #expect(try await store.tenant(tenant.id) == tenant)
            #expect(try await store.tenant(slug: "acme") == tenant)
        }
    }

    @Test(arguments: StoreFactory.all)
    func duplicateSlug_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            _ = try await StoreFixtures.tenant(store, "acme")

            let error = await #expect(throws: StoreError.self) { try await StoreFixtures.tenant(store, "acme") }

            #expect(error?.code == .alreadyExists)
            #expect(error?.message == "create tenant \"acme\": already exists")
            #expect(try await store.tenants().count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func invalidTenantFields_areRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ async throws in
            let cases = [
                NewTenant(slug: "Acme Corp", displayName: "Acme", timeZone: "UTC"),
                NewTenant(slug: "-acme", displayName: "Acme", timeZone: "UTC"),
                NewTenant(slug: "acme", displayName: "  ", timeZone: "UTC"),
                NewTenant(slug: "acme", displayName: "Acme", timeZone: "Mars/Olympus"),
            ]
            for tenant in cases {
                let error = await #expect(throws: StoreError.self) { try await store.createTenant(tenant, actor: StoreFixtures.actor) }
                #expect(error?.code == .invalidInput)
            }
            #expect(try await store.tenants().isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func unknownTenant_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let error = await #expect(throws: StoreError.self) { try await store.tenant(slug: "ghost") }

            #expect(error?.code == .notFound)
            #expect(error?.failureClass == .configuration)
        }
    }

    @Test(arguments: StoreFactory.all)
    func connection_roundTripsConfigurationAndState(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let created = try await StoreFixtures.connection(store, tenant: tenant)

            let paused = try await store.setConnectionState(.paused, connection: created.id, tenant: tenant.id, actor: StoreFixtures.actor)

            #expect(try await store.connection(created.id, tenant: tenant.id) == paused)
            #expect(paused.state == .paused)
            #expect(paused.configuration == ["account": "acct_1"])
            #expect(try await store.connections(tenant: tenant.id, environment: .production).isEmpty)
            #expect(try await store.connections(tenant: tenant.id, environment: .test) == [paused])
        }
    }

    @Test(arguments: StoreFactory.all)
    func connectionInUnknownEnvironment_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let connection = NewConnection(
                id: "stripe", environment: "staging", connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0))

            let error = await #expect(throws: StoreError.self) {
                try await store.createConnection(connection, tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .notFound)
            #expect(error?.message.contains("environment \"staging\"") == true)
        }
    }
}
