import Foundation
import LedgerportSDK

/// Connections and their sealed secret values.
package protocol ConnectionStore: Sendable {
    /// Creates a connection with its first secret values, and audits it as `connection.created`.
    ///
    /// - Throws: ``StoreError`` `invalid_input` (see ``NewConnection/validate()``),
    ///   `not_found` for an unknown tenant or environment, `already_exists` for a taken id.
    func createConnection(_ connection: NewConnection, tenant: TenantID, actor: String) async throws -> Connection

    /// Reads one connection. - Throws: ``StoreError`` `not_found`, also for another tenant's connection.
    func connection(_ id: ConnectionID, tenant: TenantID) async throws -> Connection

    /// Lists a tenant's connections by id, in one environment or in all when `environment` is nil.
    func connections(tenant: TenantID, environment: EnvironmentName?) async throws -> [Connection]

    /// Sets a connection's state, and audits it as `connection.state_changed`.
    func setConnectionState(_ state: ConnectionState, connection: ConnectionID, tenant: TenantID, actor: String) async throws -> Connection

    /// Replaces a connection's plain (non-secret) configuration, and audits it as `connection.configured`
    /// with the fields that changed and their values before and after (null for a field added or removed).
    ///
    /// The caller checks the configuration against the connector's spec first. With `expected`, the write happens
    /// only while the stored configuration still equals it, so a caller that merged a change into what it read
    /// cannot overwrite a change stored in between.
    /// - Throws: ``StoreError`` `invalid_input` when `configuration` is not a JSON object, and `conflict`, with
    ///   nothing written, when `expected` is given and differs from the stored configuration.
    func setConnectionConfiguration(
        _ configuration: JSONValue, replacing expected: JSONValue?, connection: ConnectionID, tenant: TenantID, actor: String
    ) async throws -> Connection

    /// Adds a sealed value to a secret field (for rotation with overlap), and audits it as `connection.secret_added`.
    ///
    /// The audit entry names the field, the value id and its validity window, never the value.
    func addSecretValue(_ value: NewSealedSecretValue, connection: ConnectionID, tenant: TenantID, actor: String) async throws
        -> SealedSecretValue

    /// Rotates secret fields in one transaction: adds `values`, then expires at `expiry` every value of the same
    /// fields that was active or scheduled at the new values' start, unless it expires sooner already.
    ///
    /// Audits each value as `connection.secret_added` and each change of expiry as `connection.secret_expired`.
    /// Returns the previous values, as they were before the rotation. Nothing changes when any part fails.
    /// - Throws: ``StoreError`` `invalid_input` for an invalid value, `not_found` for another tenant's connection.
    func rotateSecretValues(
        _ values: [NewSealedSecretValue], expiringPreviousAt expiry: Date, connection: ConnectionID, tenant: TenantID, actor: String
    ) async throws -> [SealedSecretValue]

    /// Lists a connection's sealed values, of one field or of all when `field` is nil, oldest first.
    func secretValues(connection: ConnectionID, field: String?, tenant: TenantID) async throws -> [SealedSecretValue]

    /// Sets when a secret value expires (to end an overlap early), and audits it as `connection.secret_expired`.
    ///
    /// - Throws: ``StoreError`` `not_found` when the value is not one of this connection's.
    func expireSecretValue(_ id: SecretValueID, at expiry: Date, connection: ConnectionID, tenant: TenantID, actor: String)
        async throws -> SealedSecretValue

    /// Returns the connections of every tenant whose configuration, state or secret values changed after change number `sequence`.
    ///
    /// Each change takes the next number, store-wide. Pass 0 for every
    /// connection changed since it was created, then the returned
    /// ``ConnectionChanges/latest`` on each later read. A platform method.
    func connectionChanges(after sequence: Int64) async throws -> ConnectionChanges
}

extension ConnectionStore {
    /// Replaces a connection's plain configuration whatever it contains now, as an operator's full replacement does.
    package func setConnectionConfiguration(_ configuration: JSONValue, connection: ConnectionID, tenant: TenantID, actor: String)
        async throws -> Connection
    {
        try await setConnectionConfiguration(configuration, replacing: nil, connection: connection, tenant: tenant, actor: actor)
    }
}

/// The key-check value, which shows whether the master key in use is the one the secrets were sealed with.
package protocol MasterKeyCheckStore: Sendable {
    /// Reads the stored key-check box, or nil when none is stored yet. A platform method.
    func masterKeyCheck() async throws -> [UInt8]?

    /// Stores `box` as the key-check value unless one is stored already, and returns the one in force.
    ///
    /// When two processes initialize at once, both get the same winner back,
    /// so each can check its key against it.
    func initializeMasterKeyCheck(_ box: [UInt8]) async throws -> [UInt8]
}
