import Foundation

/// A raised operational alert: a connection that fails for a reason an operator must fix.
///
/// Business exceptions (a target rejecting one record) are dead letters and
/// never alerts. A connection has at most one alert at a time.
package struct OperationalAlert: Sendable, Hashable {
    package var tenantID: TenantID
    package var connectionID: ConnectionID
    /// The kind of problem, such as `target_unreachable` or `configuration_failing`.
    package var kind: String
    /// The connector's error code of the failure that raised the alert.
    package var code: String
    /// The connector's message of that failure, secrets already removed.
    package var message: String
    /// When the alert was raised.
    package var since: Date
    /// When the failure was last seen.
    package var lastSeen: Date
    /// How many failures of this kind were seen since the alert was raised.
    package var occurrences: Int
    /// The origin of the alert: `call` (a call toward the connection) or `translation` (reading one of its events).
    package var origin: String

    package init(
        tenantID: TenantID, connectionID: ConnectionID, kind: String, code: String, message: String, since: Date, lastSeen: Date,
        occurrences: Int, origin: String = "call"
    ) {
        self.tenantID = tenantID
        self.connectionID = connectionID
        self.kind = kind
        self.code = code
        self.message = message
        self.since = since
        self.lastSeen = lastSeen
        self.occurrences = occurrences
        self.origin = origin
    }
}
