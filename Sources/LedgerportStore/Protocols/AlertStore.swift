import Foundation

/// Raised operational alerts, kept so that a restart does not forget a connection that is failing.
package protocol AlertStore: Sendable {
    /// Stores `alert` as its connection's alert, replacing the one stored before.
    ///
    /// - Throws: ``StoreError`` `not_found` when the tenant has no such connection.
    func saveAlert(_ alert: OperationalAlert) async throws

    /// Removes the alert of a connection; does nothing when it has none.
    func clearAlert(connection: ConnectionID, tenant: TenantID) async throws

    /// Lists the alerts of every tenant, oldest first. Platform method: it is not scoped to one tenant.
    func allAlerts() async throws -> [OperationalAlert]
}
