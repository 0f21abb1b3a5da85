import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// Operational alerts: problems with a connection that an operator must fix, kept apart from business exceptions.
///
/// A business exception (Odoo rejecting one invoice) is a dead letter for a
/// finance operator and never raises an alert here. An alert is raised
/// per connection when the source or target system is unreachable
/// (transient failures in a row, ``unreachableThreshold``) or when authentication or
/// configuration fails (at once), and it clears at the next success of
/// the same origin: a successful call clears an alert that a call raised,
/// and a translated event clears one that a translation raised.
/// With a store, every change is also written there in the order it
/// happened (see ``AlertJournal``), and ``restore(from:)`` reads them back
/// after a restart. Thread-safe.
package final class AlertBook: @unchecked Sendable {
    /// The kind of operational problem.
    package enum Kind: String, Sendable, Hashable, Codable {
        case targetUnreachable = "target_unreachable"
        /// A source's API, which scheduled flows call for backfills, failed transiently too many times in a row.
        case sourceUnreachable = "source_unreachable"
        case configurationFailing = "configuration_failing"
        case systemFailing = "system_failing"
    }

    /// The origin of an alert, which decides what clears it.
    package enum Origin: String, Sendable, Hashable {
        /// A call toward the connection failed, or its connector could not be built.
        case call
        /// The source connector could not translate one of the connection's events.
        case translation
    }

    /// One raised alert.
    package struct Alert: Sendable, Hashable {
        package let tenantID: TenantID
        package let tenantSlug: String
        package let connectionID: String
        package let kind: Kind
        package let code: String
        package let message: String
        package let since: Date
        package var lastSeen: Date
        package var occurrences: Int
        package var origin: Origin = .call
    }

    private struct Key: Hashable {
        package let tenantSlug: String
        package let connectionID: String
    }

    package let unreachableThreshold: Int
    private let journal: AlertJournal?
    private let logger: Logger
    private let lock = NSLock()
    private var alerts: [Key: Alert] = [:]
    private var transientStreaks: [Key: Int] = [:]

    /// Creates an empty book that writes its changes to `store`, or keeps them in memory only when `store` is nil.
    init(unreachableThreshold: Int = 3, store: (any AlertStore)? = nil, logger: Logger = .disabled) {
        self.unreachableThreshold = unreachableThreshold
        self.logger = logger
        journal = store.map { AlertJournal(store: $0, logger: logger) }
    }

    /// Loads the alerts stored before a restart, for the tenants that still exist; call it before deliveries start.
    package func restore(from store: any Store) async throws {
        let slugs = Dictionary(try await store.tenants().map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })
        let stored = try await store.allAlerts()
        lock.withLock {
            for alert in stored {
                guard let slug = slugs[alert.tenantID], let kind = Kind(rawValue: alert.kind), let origin = Origin(rawValue: alert.origin) else {
                    continue
                }
                let key = Key(tenantSlug: slug, connectionID: alert.connectionID.rawValue)
                alerts[key] = Alert(
                    tenantID: alert.tenantID, tenantSlug: slug, connectionID: alert.connectionID.rawValue, kind: kind, code: alert.code,
                    message: alert.message, since: alert.since, lastSeen: alert.lastSeen, occurrences: alert.occurrences, origin: origin
                )
            }
        }
    }

    /// Waits until every change so far is written to the store; call it before the store closes.
    package func finishWrites() async {
        await journal?.finish()
    }

    /// Records a failure of `origin` toward a connection of connector kind `kind`; returns the alert when this failure raised a new one.
    @discardableResult
    package func recordFailure(
        tenantID: TenantID, tenantSlug: String, connectionID: String, error: ConnectorError, origin: Origin = .call,
        connector connectorKind: ConnectorKind = .target, at time: Date
    ) -> Alert? {
        let key = Key(tenantSlug: tenantSlug, connectionID: connectionID)
        // Whole milliseconds, as the store keeps them, so an alert reads the same before and after a restart.
        let now = Date(timeIntervalSince1970: Double(AuditChain.milliseconds(time)) / 1000)
        let raised: Alert? = lock.withLock {
            let kind: Kind
            switch error.failureClass {
            case .business:
                transientStreaks[key] = 0
                return nil
            case .transient:
                let streak = (transientStreaks[key] ?? 0) + 1
                transientStreaks[key] = streak
                guard streak >= unreachableThreshold else { return nil }
                kind = connectorKind == .source ? .sourceUnreachable : .targetUnreachable
            case .configuration:
                kind = .configurationFailing
            case .system:
                kind = .systemFailing
            }
            if var existing = alerts[key], existing.kind == kind, existing.origin == origin {
                existing.lastSeen = now
                existing.occurrences += 1
                alerts[key] = existing
                journal?.save(existing)
                return nil
            }
            let alert = Alert(
                tenantID: tenantID, tenantSlug: tenantSlug, connectionID: connectionID, kind: kind, code: error.code, message: error.message,
                since: now, lastSeen: now, occurrences: 1, origin: origin
            )
            alerts[key] = alert
            journal?.save(alert)
            return alert
        }
        if let raised {
            logger.warning("raised operational alert", metadata: [
                LogMetadataKey.tenantID: .string(tenantID.rawValue), LogMetadataKey.tenantSlug: .string(tenantSlug),
                LogMetadataKey.connectionID: .string(connectionID),
                "alert.kind": .string(raised.kind.rawValue), "error.code": .string(raised.code), LogMetadataKey.error: .string(raised.message),
            ])
        }
        return raised
    }

    /// Records a successful call toward a connection, clearing an alert that a call raised; returns the cleared alert.
    @discardableResult
    package func recordSuccess(tenantSlug: String, connectionID: String) -> Alert? {
        let key = Key(tenantSlug: tenantSlug, connectionID: connectionID)
        let cleared: Alert? = lock.withLock {
            transientStreaks[key] = 0
            guard alerts[key]?.origin == .call, let cleared = alerts.removeValue(forKey: key) else {
                return nil
            }
            journal?.clear(cleared)
            return cleared
        }
        if let cleared {
            logCleared(cleared)
        }
        return cleared
    }

    /// Records that a source connector translated an event of the connection, clearing an alert that a translation raised.
    ///
    /// An alert that a call raised stays, because reading a payload does not
    /// show that the source can be reached or authenticated.
    package func recordTranslated(tenantSlug: String, connectionID: String) {
        let key = Key(tenantSlug: tenantSlug, connectionID: connectionID)
        let cleared: Alert? = lock.withLock {
            // Called for every translated event, so the usual case, no alert at all, skips hashing the key.
            guard !alerts.isEmpty, alerts[key]?.origin == .translation, let cleared = alerts.removeValue(forKey: key) else {
                return nil
            }
            journal?.clear(cleared)
            return cleared
        }
        if let cleared {
            logCleared(cleared)
        }
    }

    private func logCleared(_ cleared: Alert) {
        logger.info("cleared operational alert", metadata: [
            LogMetadataKey.tenantID: .string(cleared.tenantID.rawValue), LogMetadataKey.tenantSlug: .string(cleared.tenantSlug),
            LogMetadataKey.connectionID: .string(cleared.connectionID),
            "alert.kind": .string(cleared.kind.rawValue), "alert.occurrences": .integer(Int64(cleared.occurrences)),
        ])
    }

    /// The raised alerts of one tenant, or of every tenant when `tenantSlug` is nil, oldest first.
    package func activeAlerts(tenantSlug: String?) -> [Alert] {
        lock.withLock {
            alerts.values.filter { tenantSlug == nil || $0.tenantSlug == tenantSlug }.sorted { $0.since < $1.since }
        }
    }
}
