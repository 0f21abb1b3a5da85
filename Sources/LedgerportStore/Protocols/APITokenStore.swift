/// Bearer tokens of the admin API.
package protocol APITokenStore: Sendable {
    /// Stores a token's digest, scope and role, with an audit entry in the tenant's chain (or the platform's).
    func createAPIToken(_ token: NewAPIToken, actor: String) async throws -> APIToken

    /// The token whose secret has SHA-256 `digest`, if it exists and is not revoked. A platform method.
    func apiToken(digest: [UInt8]) async throws -> APIToken?

    /// The tokens of a tenant (nil: the platform's), revoked ones included.
    func apiTokens(tenant: TenantID?) async throws -> [APIToken]

    /// Revokes a token; a revoked token no longer authenticates.
    func revokeAPIToken(_ id: APITokenID, tenant: TenantID?, actor: String) async throws -> APIToken
}
