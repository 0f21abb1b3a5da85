import LedgerportHTTPServer
import LedgerportSDK
import LedgerportStore

/// Platform routes: tenants and the alerts of every tenant, for operators.
extension AdminAPI {
    func registerPlatformRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants", scope: .platform, permission: .readPlatform, accepts: .nothing) { _ in
            let tenants = try await store.tenants()
            return (200, ["tenants": .array(tenants.map(AdminJSON.tenant))])
        }
        add(&routes, "POST", "/tenants", scope: .platform, permission: .managePlatform, accepts: Self.newTenantShape) { request in
            let tenant = try Self.newTenant(from: request.body)
            let created = try await store.createTenant(tenant, actor: request.actor)
            return (201, AdminJSON.tenant(created))
        }
        add(&routes, "GET", "/alerts", scope: .platform, permission: .readPlatform, accepts: .nothing) { _ in
            (200, ["alerts": .array(alerts.activeAlerts(tenantSlug: nil).map(AdminJSON.alert))])
        }
    }

    private static let newTenantShape = AdminRequestShape.body(["slug": .string, "display_name": .string, "time_zone": .string])

    private static func newTenant(from body: JSONObject) throws -> NewTenant {
        guard let slug = body["slug"]?.stringValue else {
            throw AdminError.badRequest("invalid_input", "create tenant: member \"slug\" is missing or not a string; send {\"slug\": \"acme\", \"display_name\": \"Acme Ltd\", \"time_zone\": \"Europe/Paris\"}")
        }
        let tenant = NewTenant(
            slug: slug, displayName: body["display_name"]?.stringValue ?? slug, timeZone: body["time_zone"]?.stringValue ?? "UTC"
        )
        try tenant.validate()
        return tenant
    }
}
