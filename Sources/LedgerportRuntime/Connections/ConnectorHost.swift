import Foundation
import LedgerportCore
import LedgerportLog
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore

/// Builds and caches one connector instance per connection.
///
/// An instance is built from the connection's stored configuration, the
/// spec's defaults for fields the configuration leaves out, and the secrets
/// active at build time, opened with the master key. An instance is cached
/// until the first of:
/// - ``dropChangedConnections()`` finds that the connection's configuration,
///   state or secret values changed (the runtime calls it on every reload, so a
///   change made by the CLI in another process takes effect within seconds);
/// - one of its secret values expires or a value scheduled for later starts;
/// - ``invalidate(tenant:connection:)``;
/// - ``cacheLifetimeSeconds`` after it was built, as a backstop.
///
/// ``cachedSource(tenant:connection:)`` reads the cache without suspending,
/// for the webhook path that verifies signatures on an HTTP thread.
/// Thread-safe.
package final class ConnectorHost: @unchecked Sendable {
    private struct CacheKey: Hashable {
        let tenantID: TenantID
        let connectionID: ConnectionID
    }

    private struct CacheEntry {
        let connection: Connection
        let instance: any Connector
        /// When the entry stops being used: its lifetime's end, or the next change of its secret values if sooner.
        let validUntil: Date
        /// Whether `validUntil` is the next change of its secret values.
        let endsWithSecretChange: Bool
    }

    package let cacheLifetimeSeconds: Double
    private let registry: ConnectorRegistry
    private let store: any Store
    private let vault: SecretVault
    private let transport: any HTTPTransport
    private let clock: any WallClock
    private let logger: Logger
    private let lock = NSLock()
    private var cache: [CacheKey: CacheEntry] = [:]
    /// Counts invalidations, so a build that read the store before one does not cache what it read.
    private var invalidations: UInt64 = 0
    /// The store's change number up to which changed connections were dropped.
    private var changesSeen: Int64 = 0

    init(
        registry: ConnectorRegistry, store: any Store, vault: SecretVault, transport: any HTTPTransport,
        clock: any WallClock, logger: Logger, cacheLifetimeSeconds: Double = 60
    ) {
        self.registry = registry
        self.store = store
        self.vault = vault
        self.transport = transport
        self.clock = clock
        self.logger = logger
        self.cacheLifetimeSeconds = cacheLifetimeSeconds
    }

    /// The cached source connector of a connection, when one was built recently; never suspends.
    package func cachedSource(tenant: TenantID, connection: ConnectionID) -> (Connection, any SourceConnector)? {
        guard let entry = freshEntry(CacheKey(tenantID: tenant, connectionID: connection)),
            let source = entry.instance as? any SourceConnector
        else {
            return nil
        }
        return (entry.connection, source)
    }

    /// The source connector of a connection, built when not cached.
    package func source(tenant: TenantID, connection: ConnectionID) async throws -> (Connection, any SourceConnector) {
        let (record, instance) = try await instance(tenant: tenant, connection: connection)
        guard let source = instance as? any SourceConnector else {
            throw ConnectorError.configuration(
                "connection_not_source", "connection \"\(connection)\" uses \(record.connectorID), which is not a source connector",
                hint: "choose a source connection, such as a Stripe one, as the flow's source"
            )
        }
        return (record, source)
    }

    /// The target connector of a connection, built when not cached.
    package func target(tenant: TenantID, connection: ConnectionID) async throws -> (Connection, any TargetConnector) {
        let (record, instance) = try await instance(tenant: tenant, connection: connection)
        guard let target = instance as? any TargetConnector else {
            throw ConnectorError.configuration(
                "connection_not_target", "connection \"\(connection)\" uses \(record.connectorID), which is not a target connector",
                hint: "choose a target connection, such as an Odoo one, as the flow's target"
            )
        }
        return (record, target)
    }

    /// Drops a cached instance, so the next use builds it again from the store.
    package func invalidate(tenant: TenantID, connection: ConnectionID) {
        lock.withLock {
            cache[CacheKey(tenantID: tenant, connectionID: connection)] = nil
            invalidations &+= 1
        }
    }

    /// Drops the cached instances of connections whose configuration, state or secret values changed since the last call.
    ///
    /// Returns how many cached instances it dropped.
    @discardableResult
    package func dropChangedConnections() async throws -> Int {
        let changes = try await store.connectionChanges(after: lock.withLock { changesSeen })
        return lock.withLock {
            var dropped = 0
            for change in changes.changed {
                if cache.removeValue(forKey: CacheKey(tenantID: change.tenantID, connectionID: change.connectionID)) != nil {
                    dropped += 1
                }
            }
            if !changes.changed.isEmpty {
                invalidations &+= 1
            }
            changesSeen = max(changesSeen, changes.latest)
            return dropped
        }
    }

    private func instance(tenant: TenantID, connection id: ConnectionID) async throws -> (Connection, any Connector) {
        let key = CacheKey(tenantID: tenant, connectionID: id)
        if let entry = freshEntry(key) {
            return (entry.connection, entry.instance)
        }
        let invalidationsBefore = lock.withLock { invalidations }
        let connection = try await store.connection(id, tenant: tenant)
        let (instance, secretsChange) = try await build(connection)
        let lifetimeEnd = clock.now().addingTimeInterval(cacheLifetimeSeconds)
        let validUntil = min(lifetimeEnd, secretsChange ?? lifetimeEnd)
        let entry = CacheEntry(connection: connection, instance: instance, validUntil: validUntil, endsWithSecretChange: validUntil < lifetimeEnd)
        lock.withLock {
            // An invalidation while this build read the store may concern what it read; the next use builds again.
            if invalidations == invalidationsBefore {
                cache[key] = entry
            }
        }
        return (connection, instance)
    }

    /// Returns the cached entry while it is valid; drops an expired one, and logs when a secret value's start or expiry ended it.
    private func freshEntry(_ key: CacheKey) -> CacheEntry? {
        let now = clock.now()
        let (fresh, ended): (CacheEntry?, CacheEntry?) = lock.withLock {
            guard let entry = cache[key] else {
                return (nil, nil)
            }
            guard now < entry.validUntil else {
                cache[key] = nil
                return (nil, entry)
            }
            return (entry, nil)
        }
        if let ended, ended.endsWithSecretChange {
            logger.info("rebuilding connector: one of its secret values started or expired", metadata: [
                LogMetadataKey.tenantID: .string(key.tenantID.rawValue), LogMetadataKey.connectionID: .string(key.connectionID.rawValue),
            ])
        }
        return fresh
    }

    /// Returns the spec of the connector that `connection` uses, or nil when this build does not include it.
    package func connectorSpec(of connection: Connection) -> ConnectorSpec? {
        registry.entry(id: connection.connectorID, version: connection.connectorVersion)?.spec.spec
    }

    /// Builds the connection's connector, and returns the next time one of its secret fields changes values, if any.
    private func build(_ connection: Connection) async throws -> (any Connector, Date?) {
        guard let entry = registry.entry(id: connection.connectorID, version: connection.connectorVersion) else {
            throw ConnectorError.configuration(
                "connector_not_installed",
                "connection \"\(connection.id)\" uses \(connection.connectorID)@\(connection.connectorVersion), which this build does not include",
                hint: "run `ledgerport spec list` for the installed connectors and move the connection to one of them"
            )
        }
        let spec = entry.spec.spec
        var values = connection.configuration.objectValue ?? [:]
        for (name, field) in spec.configuration where !field.secret && values[name] == nil {
            values[name] = field.defaultValue
        }

        var secrets: [String: [Secret]] = [:]
        var secretsChange: Date?
        for (name, field) in spec.configuration where field.secret {
            let inForce = try await vault.secretsInForce(field: name, connection: connection.id, tenant: connection.tenantID, at: clock.now())
            if let next = inForce.nextChange {
                secretsChange = min(secretsChange ?? next, next)
            }
            // An optional secret may be absent; the connector's initializer reports a required one.
            if !inForce.secrets.isEmpty {
                secrets[name] = inForce.secrets
            }
        }

        var connectorLogger = logger
        connectorLogger[metadataKey: LogMetadataKey.tenantID] = .string(connection.tenantID.rawValue)
        connectorLogger[metadataKey: LogMetadataKey.connectionID] = .string(connection.id.rawValue)
        connectorLogger[metadataKey: LogMetadataKey.connectorID] = .string(entry.reference)
        let context = ConnectorContext(
            tenantID: connection.tenantID.rawValue, connectionID: connection.id.rawValue,
            environment: connection.environment.rawValue, http: transport, clock: clock, logger: connectorLogger
        )
        let configuration = ConnectorConfiguration(values: values, secrets: secrets)
        return (try entry.implementation.init(configuration: configuration, context: context), secretsChange)
    }
}
