import LedgerportStore

extension Remedy {
    /// Words the step as the admin API route of the tenant `tenantSlug`, such as "list flows with GET /admin/tenants/acme/flows".
    func routeHint(tenantSlug: String) -> String {
        let tenantPath = "\(AdminAPI.basePath)/tenants/\(tenantSlug)"
        switch self {
        case .list(let listing):
            return "list \(listing.noun) with GET \(tenantPath)/\(listing.rawValue)"
        case .resumeFlow(let flow):
            return "resume it first with POST \(tenantPath)/flows/\(flow)/resume"
        case .applyOrWithdraw(let id):
            return "apply it with POST \(tenantPath)/change-requests/\(id)/apply, "
                + "or have its proposer withdraw it with POST \(tenantPath)/change-requests/\(id)/withdraw"
        case .publishVersion(let mapping, let newestVersion):
            return Self.publishedVersions(newestVersion) + "publish a new version with POST \(tenantPath)/mappings/\(mapping)/versions"
        }
    }
}
