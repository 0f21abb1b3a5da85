/// The connections changed after a given change number, read by a runtime that caches their connectors.
package struct ConnectionChanges: Sendable, Hashable {
    /// One changed connection.
    package struct Changed: Sendable, Hashable {
        package var tenantID: TenantID
        package var connectionID: ConnectionID

        package init(tenantID: TenantID, connectionID: ConnectionID) {
            self.tenantID = tenantID
            self.connectionID = connectionID
        }
    }

    /// The changed connections, each once, in the order of their latest change.
    package var changed: [Changed]
    /// The highest change number in the store; pass it as `after` on the next read.
    package var latest: Int64

    package init(changed: [Changed], latest: Int64) {
        self.changed = changed
        self.latest = latest
    }
}
