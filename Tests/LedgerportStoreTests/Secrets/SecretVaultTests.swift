import Foundation
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore
import Testing

@Suite struct SecretVaultTests {
    @Test(arguments: StoreFactory.all)
    func sealedSecret_roundTripsAndIsNotPlaintext(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let vault = try await SecretVault.open(masterKey: .generate(), store: store)
            let sealed = try vault.seal(Secret("whsec_abc123"), field: "webhook_secret", connection: "stripe", tenant: tenant.id, activeFrom: clock.now())
            _ = try await store.createConnection(
                NewConnection(
                    id: "stripe", environment: .test, connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
                    secretValues: [sealed]),
                tenant: tenant.id, actor: StoreFixtures.actor)

            let stored = try await store.secretValues(connection: "stripe", field: "webhook_secret", tenant: tenant.id)
            let opened = try await vault.activeSecrets(field: "webhook_secret", connection: "stripe", tenant: tenant.id, at: clock.now())

            #expect(opened.map { $0.revealText() } == ["whsec_abc123"])
            #expect(stored.count == 1)
            #expect(containsBytes(stored[0].sealedBox, Array("whsec_abc123".utf8)) == false)
        }
    }

    @Test(arguments: StoreFactory.all)
    func wrongMasterKey_failsAtOpenWithHint(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            _ = try await SecretVault.open(masterKey: .generate(), store: store)

            let error = await #expect(throws: MasterKeyError.self) { try await SecretVault.open(masterKey: .generate(), store: store) }

            #expect(error == .wrongKey)
            #expect(error?.description.contains("supply the original key") == true)
        }
    }

    @Test(arguments: StoreFactory.all)
    func sameMasterKey_opensAgain(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let key = MasterKey.generate()
            _ = try await SecretVault.open(masterKey: key, store: store)

            _ = try await SecretVault.open(masterKey: key, store: store)

            #expect(try await store.masterKeyCheck() != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func valueMovedToOtherConnection_failsToOpen(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant, id: "stripe-a")
            try await StoreFixtures.connection(store, tenant: tenant, id: "stripe-b")
            let vault = try await SecretVault.open(masterKey: .generate(), store: store)
            let original = try await vault.addSecret(
                Secret("sk_live_a"), field: "api_key", connection: "stripe-a", tenant: tenant.id, activeFrom: clock.now(), actor: StoreFixtures.actor)

            let moved = try await store.addSecretValue(
                NewSealedSecretValue(field: "api_key", sealedBox: original.sealedBox, activeFrom: clock.now()),
                connection: "stripe-b", tenant: tenant.id, actor: "mallory")
            let error = #expect(throws: SecretError.self) { try vault.open(moved) }

            #expect(error == .cannotOpen(SecretBinding(tenantID: tenant.id, connectionID: "stripe-b", field: "api_key")))
            #expect(error?.description.contains("sk_live_a") == false)
            #expect(try vault.open(original).revealText() == "sk_live_a")
        }
    }

    @Test(arguments: StoreFactory.all)
    func valueMovedToOtherField_failsToOpen(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let vault = try await SecretVault.open(masterKey: .generate(), store: store)
            let original = try await vault.addSecret(
                Secret("sk_live_a"), field: "api_key", connection: "stripe-test", tenant: tenant.id, activeFrom: clock.now(), actor: StoreFixtures.actor)

            let moved = try await store.addSecretValue(
                NewSealedSecretValue(field: "webhook_secret", sealedBox: original.sealedBox, activeFrom: clock.now()),
                connection: "stripe-test", tenant: tenant.id, actor: "mallory")

            #expect(throws: SecretError.self) { try vault.open(moved) }
        }
    }

    @Test(arguments: StoreFactory.all)
    func rotation_overlapsThenExpiresOldValue(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let vault = try await SecretVault.open(masterKey: .generate(), store: store)
            let start = clock.now()
            _ = try await vault.addSecret(
                Secret("whsec_old"), field: "webhook_secret", connection: "stripe-test", tenant: tenant.id, activeFrom: start,
                expiresAt: start.addingTimeInterval(3_600), actor: StoreFixtures.actor)
            _ = try await vault.addSecret(
                Secret("whsec_new"), field: "webhook_secret", connection: "stripe-test", tenant: tenant.id,
                activeFrom: start.addingTimeInterval(600), actor: StoreFixtures.actor)

            let before = try await vault.activeSecrets(field: "webhook_secret", connection: "stripe-test", tenant: tenant.id, at: start)
            let during = try await vault.activeSecrets(
                field: "webhook_secret", connection: "stripe-test", tenant: tenant.id, at: start.addingTimeInterval(1_200))
            let after = try await vault.activeSecrets(
                field: "webhook_secret", connection: "stripe-test", tenant: tenant.id, at: start.addingTimeInterval(3_600))

            #expect(before.map { $0.revealText() } == ["whsec_old"])
            #expect(during.map { $0.revealText() } == ["whsec_new", "whsec_old"])
            #expect(after.map { $0.revealText() } == ["whsec_new"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func fieldWithoutActiveValue_failsClearly(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let vault = try await SecretVault.open(masterKey: .generate(), store: store)

            let error = await #expect(throws: SecretError.self) {
                try await vault.activeSecrets(field: "api_key", connection: "stripe-test", tenant: tenant.id, at: clock.now())
            }

            #expect(error == .noActiveValue(SecretBinding(tenantID: tenant.id, connectionID: "stripe-test", field: "api_key")))
        }
    }

    @Test(arguments: StoreFactory.all)
    func secretAuditEntry_omitsValue(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let vault = try await SecretVault.open(masterKey: .generate(), store: store)
            _ = try await vault.addSecret(
                Secret("sk_live_visible?"), field: "api_key", connection: "stripe-test", tenant: tenant.id, activeFrom: clock.now(),
                actor: StoreFixtures.actor)

            let entries = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)

            #expect(entries.last?.action == "connection.secret_added")
            #expect(entries.last?.details["field"] == "api_key")
            #expect(entries.allSatisfy { !$0.details.description.contains("sk_live_visible?") })
        }
    }

    private func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else {
            return false
        }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
