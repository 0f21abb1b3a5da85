import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Rotating secret fields adds the new values and expires the previous ones in one transaction.
@Suite struct SecretRotationTests {
    private func sealed(_ field: String, at instant: Date, expiresAt: Date? = nil, byte: UInt8 = 7) -> NewSealedSecretValue {
        NewSealedSecretValue(field: field, sealedBox: Array(repeating: byte, count: 40), activeFrom: instant, expiresAt: expiresAt)
    }

    @Test(arguments: StoreFactory.all)
    func rotate_addsNewAndExpiresPrevious(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let start = clock.now()
            let lasting = try await store.addSecretValue(sealed("api_key", at: start), connection: "stripe-test", tenant: tenant.id, actor: StoreFixtures.actor)
            let ending = try await store.addSecretValue(
                sealed("api_key", at: start, expiresAt: start.addingTimeInterval(70)), connection: "stripe-test", tenant: tenant.id,
                actor: StoreFixtures.actor)
            let webhook = try await store.addSecretValue(
                sealed("webhook_signing_secret", at: start), connection: "stripe-test", tenant: tenant.id, actor: StoreFixtures.actor)
            let auditBefore = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).count
            clock.advance(seconds: 60)
            let expiry = clock.now().addingTimeInterval(120)

            let previous = try await store.rotateSecretValues(
                [sealed("api_key", at: clock.now(), byte: 9)], expiringPreviousAt: expiry, connection: "stripe-test", tenant: tenant.id,
                actor: StoreFixtures.actor)
            let values = try await store.secretValues(connection: "stripe-test", field: nil, tenant: tenant.id)
            let audit = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).dropFirst(auditBefore)

            #expect(previous.map(\.id) == [lasting.id, ending.id])
            #expect(values.first { $0.id == lasting.id }?.expiresAt == expiry)
            #expect(values.first { $0.id == ending.id }?.expiresAt == start.addingTimeInterval(70))
            #expect(values.first { $0.id == webhook.id }?.expiresAt == nil)
            #expect(values.last?.field == "api_key")
            #expect(values.last?.sealedBox == Array(repeating: 9, count: 40))
            #expect(values.last?.isActive(at: clock.now()) == true)
            #expect(audit.map(\.action) == ["connection.secret_added", "connection.secret_expired"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func invalidValue_changesNothing(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let first = try await store.addSecretValue(
                sealed("api_key", at: clock.now()), connection: "stripe-test", tenant: tenant.id, actor: StoreFixtures.actor)
            let empty = NewSealedSecretValue(field: "api_key", sealedBox: [], activeFrom: clock.now())

            let error = await #expect(throws: StoreError.self) {
                try await store.rotateSecretValues(
                    [self.sealed("webhook_signing_secret", at: clock.now()), empty], expiringPreviousAt: clock.now(), connection: "stripe-test",
                    tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .invalidInput)
            #expect(try await store.secretValues(connection: "stripe-test", field: nil, tenant: tenant.id) == [first])
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsConnection_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let acme = try await StoreFixtures.tenant(store, "acme")
            let globex = try await StoreFixtures.tenant(store, "globex")
            try await StoreFixtures.connection(store, tenant: globex)

            let error = await #expect(throws: StoreError.self) {
                try await store.rotateSecretValues(
                    [self.sealed("api_key", at: clock.now())], expiringPreviousAt: clock.now(), connection: "stripe-test", tenant: acme.id,
                    actor: StoreFixtures.actor)
            }

            #expect(error?.code == .notFound)
            #expect(try await store.secretValues(connection: "stripe-test", field: nil, tenant: globex.id).isEmpty)
        }
    }
}
