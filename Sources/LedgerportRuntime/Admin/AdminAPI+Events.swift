import LedgerportHTTPServer
import LedgerportSDK
import LedgerportStore

/// A tenant's events, deliveries and alerts: read-only routes for every role.
extension AdminAPI {
    func registerEventRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants/{tenant}/events", scope: .tenant, permission: .read, accepts: .query("connection", "after", "limit")) { request in
            let limit = try request.limit()
            let connection = request.query("connection").map(ConnectionID.init(rawValue:))
            if let connection {
                // A misspelt filter would otherwise return an empty list, as if the connection had received nothing.
                _ = try await ConnectionLookup.connection(connection, operation: "list events of connection \"\(connection)\"", tenant: request.scopedTenant.id, store: store)
            }
            let events = try await store.events(
                tenant: request.scopedTenant.id, connection: connection, after: try request.after().map(EventID.init(rawValue:)), limit: limit
            )
            return (200, Self.page("events", events.map(AdminJSON.event), lastID: events.last?.id.rawValue, limit: limit))
        }
        add(&routes, "GET", "/tenants/{tenant}/deliveries", scope: .tenant, permission: .read, accepts: .query("state", "after", "limit")) { request in
            let limit = try request.limit()
            let state = try request.enumQuery("state", as: DeliveryState.self)
            let deliveries = try await store.deliveries(
                tenant: request.scopedTenant.id, state: state, after: try request.after().map(DeliveryID.init(rawValue:)), limit: limit
            )
            return (200, Self.page("deliveries", deliveries.map(AdminJSON.delivery), lastID: deliveries.last?.id.rawValue, limit: limit))
        }
        add(&routes, "GET", "/tenants/{tenant}/deliveries/{delivery}", scope: .tenant, permission: .read, accepts: .nothing) { request in
            let id = DeliveryID(rawValue: try request.integerPathParameter("delivery"))
            let delivery = try await store.delivery(id, tenant: request.scopedTenant.id)
            let attempts = try await store.deliveryAttempts(delivery: id, tenant: request.scopedTenant.id)
            let holder = try await store.deliveryHoldingBack(id, tenant: request.scopedTenant.id)
            return (200, AdminJSON.deliveryDetail(delivery, attempts: attempts, heldBackBy: holder))
        }
        add(&routes, "GET", "/tenants/{tenant}/alerts", scope: .tenant, permission: .read, accepts: .nothing) { request in
            (200, ["alerts": .array(alerts.activeAlerts(tenantSlug: request.scopedTenant.slug).map(AdminJSON.alert))])
        }
    }
}
