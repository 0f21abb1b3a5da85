import Foundation
import LedgerportSDK
import LedgerportStore

/// Connection secrets on top of a ``Store``: sealed with the master key on the way in, opened on the way out.
///
/// ``open(masterKey:store:)`` checks the key against the key-check value in
/// the database, so a wrong key fails at startup with a clear message
/// instead of at the first webhook. Opening a secret never falls back to
/// plaintext, and errors name the row, never the value.
package struct SecretVault: Sendable {
    private let sealer: SecretSealer
    private let store: any ConnectionStore & MasterKeyCheckStore

    private init(sealer: SecretSealer, store: any ConnectionStore & MasterKeyCheckStore) {
        self.sealer = sealer
        self.store = store
    }

    /// Checks `masterKey` against the database, storing a key check on first use.
    ///
    /// - Throws: ``MasterKeyError/wrongKey`` when the database's secrets were
    ///   sealed under another key; ``StoreError`` when the store fails.
    package static func open(masterKey: MasterKey, store: any ConnectionStore & MasterKeyCheckStore) async throws -> SecretVault {
        let sealer = SecretSealer(key: masterKey)
        var check = try await store.masterKeyCheck()
        if check == nil {
            // Two processes may initialize at once; both then check against the one stored first.
            check = try await store.initializeMasterKeyCheck(try sealer.makeKeyCheck())
        }
        guard let check, sealer.opensKeyCheck(check) else {
            throw MasterKeyError.wrongKey
        }
        return SecretVault(sealer: sealer, store: store)
    }

    /// Seals `secret` for a connection's field, ready for ``NewConnection/secretValues`` or ``Store/addSecretValue``.
    package func seal(
        _ secret: Secret, field: String, connection: ConnectionID, tenant: TenantID, activeFrom: Date, expiresAt: Date? = nil
    ) throws -> NewSealedSecretValue {
        let binding = SecretBinding(tenantID: tenant, connectionID: connection, field: field)
        return NewSealedSecretValue(field: field, sealedBox: try sealer.seal(secret, for: binding), activeFrom: activeFrom, expiresAt: expiresAt)
    }

    /// Seals and stores a new value of a secret field, for example to rotate a webhook secret with an overlap.
    package func addSecret(
        _ secret: Secret, field: String, connection: ConnectionID, tenant: TenantID, activeFrom: Date, expiresAt: Date? = nil,
        actor: String
    ) async throws -> SealedSecretValue {
        let value = try seal(secret, field: field, connection: connection, tenant: tenant, activeFrom: activeFrom, expiresAt: expiresAt)
        return try await store.addSecretValue(value, connection: connection, tenant: tenant, actor: actor)
    }

    /// Opens a stored value for the row it is stored under.
    /// - Throws: ``SecretError/cannotOpen(_:)`` when it was sealed for another row or modified.
    package func open(_ value: SealedSecretValue) throws -> Secret {
        let binding = SecretBinding(tenantID: value.tenantID, connectionID: value.connectionID, field: value.field)
        return try sealer.open(value.sealedBox, for: binding)
    }

    /// Opens every value of a field active at `instant`, newest first: during a rotation, both the new and the old.
    ///
    /// - Throws: ``SecretError/noActiveValue(_:)`` when none is active;
    ///   ``SecretError/cannotOpen(_:)`` when an active value does not open.
    package func activeSecrets(field: String, connection: ConnectionID, tenant: TenantID, at instant: Date) async throws -> [Secret] {
        let inForce = try await secretsInForce(field: field, connection: connection, tenant: tenant, at: instant)
        guard !inForce.secrets.isEmpty else {
            throw SecretError.noActiveValue(SecretBinding(tenantID: tenant, connectionID: connection, field: field))
        }
        return inForce.secrets
    }

    /// Opens every value of a field active at `instant`, newest first, and returns when that set next changes.
    ///
    /// A cache of connectors built from these values uses ``SecretsInForce/nextChange``
    /// to rebuild when an overlap ends or a value scheduled for later starts.
    /// - Throws: ``SecretError/cannotOpen(_:)`` when an active value does not open.
    package func secretsInForce(field: String, connection: ConnectionID, tenant: TenantID, at instant: Date) async throws -> SecretsInForce {
        let values = try await store.secretValues(connection: connection, field: field, tenant: tenant)
        let active = values.filter { $0.isActive(at: instant) }.sorted { ($0.activeFrom, $0.id) > ($1.activeFrom, $1.id) }
        let boundaries = values.flatMap { [$0.activeFrom, $0.expiresAt].compactMap { $0 } }.filter { $0 > instant }
        return SecretsInForce(secrets: try active.map(open), nextChange: boundaries.min())
    }
}
