import LedgerportStore

/// Reads a tenant's connection by id. An unknown id gets `not_found` naming the closest connection and every connection the tenant has.
package enum ConnectionLookup {
    /// Reads the connection. `operation` starts the message of the error for an unknown id, so it names the connection.
    package static func connection(_ id: ConnectionID, operation: String, tenant: TenantID, store: any Store) async throws -> Connection {
        do {
            return try await store.connection(id, tenant: tenant)
        } catch let error as StoreError where error.code == .notFound {
            let known = try await store.connections(tenant: tenant, environment: nil).map(\.id.rawValue).sorted()
            throw StoreError.unknownTenantID(id.rawValue, kind: "connection", operation: operation, known: known)
        }
    }
}
