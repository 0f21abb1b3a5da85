import LedgerportHTTPServer
import LedgerportJSONSchema
import LedgerportSDK
import LedgerportStore

/// A tenant's mappings: their stored versions, the version in force per environment, and one version's document.
extension AdminAPI {
    func registerMappingRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants/{tenant}/mappings", scope: .tenant, permission: .read, accepts: .nothing) { request in
            let overviews = try await MappingOverview.list(tenant: request.scopedTenant.id, store: store)
            return (200, ["mappings": .array(overviews.map(AdminJSON.mappingOverview))])
        }
        add(&routes, "GET", "/tenants/{tenant}/mappings/{mapping}/versions/{version}", scope: .tenant, permission: .read, accepts: .nothing) { request in
            let id = MappingID(rawValue: request.pathParameter("mapping"))
            let number = try Self.versionNumber(request.pathParameter("version"), mapping: id)
            let overview = try await MappingOverview.read(id, tenant: request.scopedTenant.id, store: store)
            let version = try overview.version(number)
            return (200, AdminJSON.mappingVersion(version, activeIn: overview.environments(activating: number)))
        }
    }

    /// Reads the `{version}` path segment, a positive integer.
    private static func versionNumber(_ text: String, mapping id: MappingID) throws(AdminError) -> Int {
        guard let number = Int(text), number > 0 else {
            throw .badRequest(
                "invalid_input",
                "read a version of mapping \"\(id)\": \(MessageText.quote(text)) is not a version number; name a positive integer, such as /mappings/\(id)/versions/1")
        }
        return number
    }
}
