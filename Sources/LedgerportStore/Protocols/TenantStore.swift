/// Tenants and their environments.
package protocol TenantStore: Sendable {
    /// Creates a tenant with the environments `test` and `production`, and audits it as `tenant.created`.
    ///
    /// - Throws: ``StoreError`` `invalid_input` for a bad slug, blank name or
    ///   unknown time zone; `already_exists` when the slug is taken.
    func createTenant(_ tenant: NewTenant, actor: String) async throws -> Tenant

    /// Reads the tenant with `id`. - Throws: ``StoreError`` `not_found`.
    func tenant(_ id: TenantID) async throws -> Tenant

    /// Reads the tenant with `slug`. - Throws: ``StoreError`` `not_found`.
    func tenant(slug: String) async throws -> Tenant

    /// Lists every tenant by slug. A platform method: it is not scoped to one tenant.
    func tenants() async throws -> [Tenant]

    /// Adds an environment such as `staging` to a tenant, and audits it as `environment.created`.
    ///
    /// - Throws: ``StoreError`` `invalid_input` for a bad name, `not_found`
    ///   for an unknown tenant, `already_exists` for a taken name.
    func createEnvironment(_ name: EnvironmentName, tenant: TenantID, actor: String) async throws -> Environment

    /// Lists a tenant's environments by name.
    func environments(tenant: TenantID) async throws -> [Environment]
}
