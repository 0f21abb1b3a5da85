import Foundation
import LedgerportSDK

/// Operational alerts: problems with a connection that an operator must fix, kept apart from business exceptions.
///
/// A business exception (Odoo rejecting one invoice) is a dead letter for a
/// finance operator and never raises an alert here. An alert is raised
/// per connection when the target is unreachable (transient failures in a
/// row, ``unreachableThreshold`` by default) or when authentication or
/// configuration fails (at once), and it clears at the next success.
/// Thread-safe.
package final class AlertBook: @unchecked Sendable {
    /// The kind of operational problem.
    package enum Kind: String, Sendable, Hashable, Codable {
        case targetUnreachable = "target_unreachable"
        case configurationFailing = "configuration_failing"
        case systemFailing = "system_failing"
    }

    /// One raised alert.
    package struct Alert: Sendable, Hashable {
        package let tenantSlug: String
        package let connectionID: String
        package let kind: Kind
        package let code: String
        package let message: String
        package let since: Date
        package var lastSeen: Date
        package var occurrences: Int
    }

    private struct Key: Hashable {
        package let tenantSlug: String
        package let connectionID: String
    }

    package let unreachableThreshold: Int
    private let lock = NSLock()
    private var alerts: [Key: Alert] = [:]
    private var transientStreaks: [Key: Int] = [:]

    init(unreachableThreshold: Int = 3) {
        self.unreachableThreshold = unreachableThreshold
    }

    /// Records a failed call toward a connection; returns the alert when this failure raised a new one.
    @discardableResult
    package func recordFailure(tenantSlug: String, connectionID: String, error: ConnectorError, at now: Date) -> Alert? {
        let key = Key(tenantSlug: tenantSlug, connectionID: connectionID)
        return lock.withLock {
            let kind: Kind
            switch error.failureClass {
            case .business:
                transientStreaks[key] = 0
                return nil
            case .transient:
                let streak = (transientStreaks[key] ?? 0) + 1
                transientStreaks[key] = streak
                guard streak >= unreachableThreshold else { return nil }
                kind = .targetUnreachable
            case .configuration:
                kind = .configurationFailing
            case .system:
                kind = .systemFailing
            }
            if var existing = alerts[key], existing.kind == kind {
                existing.lastSeen = now
                existing.occurrences += 1
                alerts[key] = existing
                return nil
            }
            let alert = Alert(
                tenantSlug: tenantSlug, connectionID: connectionID, kind: kind, code: error.code, message: error.message,
                since: now, lastSeen: now, occurrences: 1
            )
            alerts[key] = alert
            return alert
        }
    }

    /// Records a successful call toward a connection, clearing its alert; returns the cleared alert.
    @discardableResult
    package func recordSuccess(tenantSlug: String, connectionID: String) -> Alert? {
        let key = Key(tenantSlug: tenantSlug, connectionID: connectionID)
        return lock.withLock {
            transientStreaks[key] = 0
            return alerts.removeValue(forKey: key)
        }
    }

    /// The raised alerts of one tenant, or of every tenant when `tenantSlug` is nil, oldest first.
    package func activeAlerts(tenantSlug: String?) -> [Alert] {
        lock.withLock {
            alerts.values.filter { tenantSlug == nil || $0.tenantSlug == tenantSlug }.sorted { $0.since < $1.since }
        }
    }
}
