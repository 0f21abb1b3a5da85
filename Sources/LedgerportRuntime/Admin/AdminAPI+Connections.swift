import Foundation
import LedgerportHTTPServer
import LedgerportSDK
import LedgerportStore

/// A tenant's connections with the validity of their secret values, which never leave the store.
extension AdminAPI {
    func registerConnectionRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants/{tenant}/connections", scope: .tenant, permission: .read, accepts: .nothing) { request in
            let tenant = request.scopedTenant.id
            var items = [JSONValue]()
            for connection in try await store.connections(tenant: tenant, environment: nil) {
                let values = try await store.secretValues(connection: connection.id, field: nil, tenant: tenant)
                items.append(AdminJSON.connection(connection, secretValues: values, at: clock.now()))
            }
            return (200, ["connections": .array(items)])
        }
    }
}
