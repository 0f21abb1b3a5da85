import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct MappingTests {
    @Test(arguments: StoreFactory.all)
    func versions_areNumberedAndKeepTheirContent(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let firstContent: JSONValue = ["rules": [["target": "account.move", "amount": .number(JSONNumber(literal: "12.345")!)]]]
            let secondContent: JSONValue = ["rules": []]

            let first = try await store.addMappingVersion(firstContent, mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let second = try await store.addMappingVersion(secondContent, mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)

            #expect(first.version == 1)
            #expect(second.version == 2)
            #expect(try await store.mappingVersion(1, mapping: "invoices", tenant: tenant.id) == first)
            #expect(try await store.mappingVersion(1, mapping: "invoices", tenant: tenant.id).content == firstContent)
            #expect(first.digest == MappingVersion.digest(of: firstContent))
            #expect(first.digest != second.digest)
            #expect(try await store.mappingVersions(mapping: "invoices", tenant: tenant.id).map(\.version) == [1, 2])
        }
    }

    @Test(arguments: StoreFactory.all)
    func contentThatIsNotObject_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)

            let error = await #expect(throws: StoreError.self) {
                try await store.addMappingVersion(["not", "an", "object"], mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .invalidInput)
            #expect(try await store.mappingVersions(mapping: "invoices", tenant: tenant.id).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func activation_isPerEnvironmentAndReplaced(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let first = try await store.addMappingVersion(["v": 1], mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let second = try await store.addMappingVersion(["v": 2], mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)

            _ = try await store.activateMappingVersion(first.reference, environment: .test, changeRequest: nil, tenant: tenant.id, actor: "alice")
            _ = try await store.activateMappingVersion(second.reference, environment: .test, changeRequest: "cr-1", tenant: tenant.id, actor: "bob")

            let active = try await store.activeMappingVersion(mapping: "invoices", environment: .test, tenant: tenant.id)
            #expect(active?.mapping == second.reference)
            #expect(active?.changeRequestID == "cr-1")
            #expect(active?.activatedBy == "bob")
            #expect(try await store.activeMappingVersion(mapping: "invoices", environment: .production, tenant: tenant.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func unknownVersion_cannotBeActivated(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)

            let error = await #expect(throws: StoreError.self) {
                try await store.activateMappingVersion(
                    MappingVersionReference(mappingID: "invoices", version: 3), environment: .test, changeRequest: nil, tenant: tenant.id,
                    actor: "alice")
            }

            #expect(error?.code == .notFound)
        }
    }
}
