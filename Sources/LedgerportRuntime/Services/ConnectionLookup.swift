import Foundation
import LedgerportJSONSchema
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

    /// Reads the connection; an unknown id keeps the store's error and its remedy, with the closest connection id added.
    ///
    /// The admin API's routes on one connection use it, because their
    /// not-found errors end with the route that lists the connections.
    package static func connectionSuggestingClosest(_ id: ConnectionID, tenant: Tenant, store: any Store) async throws -> Connection {
        do {
            return try await store.connection(id, tenant: tenant.id)
        } catch let error as StoreError where error.code == .notFound {
            let known = try await store.connections(tenant: tenant.id, environment: nil).map(\.id.rawValue)
            let suggestion = MessageText.didYouMean(id.rawValue, among: known).trimmingCharacters(in: .whitespaces)
            guard let remedy = error.remedy, !suggestion.isEmpty else {
                throw error
            }
            throw StoreError(.notFound, "\(error.message) (\(suggestion))", remedy: remedy, tenantSlug: tenant.slug)
        }
    }
}
