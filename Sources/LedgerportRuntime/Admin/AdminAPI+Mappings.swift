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
        // One mapping, and the same object at its versions' path, so a caller who walks up a version's URL finds them.
        for path in ["/tenants/{tenant}/mappings/{mapping}", "/tenants/{tenant}/mappings/{mapping}/versions"] {
            add(&routes, "GET", path, scope: .tenant, permission: .read, accepts: .nothing) { request in
                let overview = try await MappingOverview.read(
                    MappingID(rawValue: request.pathParameter("mapping")), tenant: request.scopedTenant.id, store: store)
                return (200, AdminJSON.mappingOverview(overview))
            }
        }
        add(&routes, "GET", "/tenants/{tenant}/mappings/{mapping}/versions/{version}", scope: .tenant, permission: .read, accepts: .nothing) { request in
            let id = MappingID(rawValue: request.pathParameter("mapping"))
            let number = try Self.versionNumber(request.pathParameter("version"), mapping: id)
            let overview = try await MappingOverview.read(id, tenant: request.scopedTenant.id, store: store)
            let version = try overview.version(number, tenantSlug: request.scopedTenant.slug)
            return (200, AdminJSON.mappingVersion(version, activeIn: overview.environments(activating: number)))
        }
        add(&routes, "POST", "/tenants/{tenant}/mappings/{mapping}/versions", scope: .tenant, permission: .proposeChangeRequests, accepts: Self.publishShape) {
            request in try await publish(request)
        }
    }

    /// Validates the body's `document` and stores it as the mapping's next version: 201 with the version, or 200 with
    /// the stored version when the same content was published before.
    private func publish(_ request: AdminRequest) async throws -> (Int, JSONValue) {
        let id = MappingID(rawValue: request.pathParameter("mapping"))
        guard let document = request.body["document"], document.objectValue != nil else {
            throw AdminError.badRequest(
                "invalid_input",
                "publish a version of mapping \"\(id)\": member \"document\" is missing or not an object; send {\"document\": {...}} with the mapping document")
        }
        let tenant = request.scopedTenant.id
        let before = try? await store.mappingVersions(mapping: id, tenant: tenant)
        let version = try await mappingPublisher.publish(document, file: id.rawValue, mappingID: id, tenant: tenant, actor: request.actor)
        let created = !(before ?? []).contains { $0.version == version.version }
        let overview = try await MappingOverview.read(id, tenant: tenant, store: store)
        return (created ? 201 : 200, AdminJSON.mappingVersion(version, activeIn: overview.environments(activating: version.version)))
    }

    private static let publishShape = AdminRequestShape.body(["document": .anyObject])

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
