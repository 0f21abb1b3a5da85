import Foundation

/// A bearer token of the admin API, scoped to one tenant (or the whole platform) and one role.
///
/// The store keeps only the SHA-256 of the token's secret, so a copy of the
/// database does not grant access.
package struct APIToken: Sendable, Hashable {
    package let id: APITokenID
    /// The tenant the token may act on; nil for a platform operator's token.
    package let tenantID: TenantID?
    package let role: APIRole
    /// A label for people, such as `finance-workbench`.
    package let name: String
    package let createdAt: Date
    package let revokedAt: Date?

    package init(id: APITokenID, tenantID: TenantID?, role: APIRole, name: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.tenantID = tenantID
        self.role = role
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// What a token's holder may do.
package enum APIRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Runs the platform: every tenant's health, metrics and SLOs, and creating tenants. Platform tokens only.
    case operator_ = "operator"
    /// Configures the tenant: connections, flows, mappings and change requests.
    case tenantAdmin = "tenant_admin"
    /// Works the exception workbench: lists, inspects, replays and discards dead letters.
    case financeOperator = "finance_operator"
    /// Reviews and approves or rejects change requests.
    case boardMember = "board_member"
    /// Reads everything of the tenant, changes nothing.
    case viewer
}

/// The fields of a token to create; the caller generates the secret and passes only its digest.
package struct NewAPIToken: Sendable, Hashable {
    package var tenantID: TenantID?
    package var role: APIRole
    package var name: String
    /// SHA-256 of the token's secret, 32 bytes.
    package var tokenDigest: [UInt8]

    package init(tenantID: TenantID?, role: APIRole, name: String, tokenDigest: [UInt8]) {
        self.tenantID = tenantID
        self.role = role
        self.name = name
        self.tokenDigest = tokenDigest
    }

    /// Checks that the digest has 32 bytes, the name is not blank, and only platform tokens have the operator role.
    package func validate() throws(StoreError) {
        try StoreValidation.validateNotBlank(name, operation: "create API token", valueName: "token name")
        guard tokenDigest.count == 32 else {
            throw .invalidInput("create API token \"\(name)\"", "token digest", "has \(tokenDigest.count) bytes, expected 32")
        }
        if (role == .operator_) != (tenantID == nil) {
            throw .invalidInput(
                "create API token \"\(name)\"", "role",
                "\"\(role.rawValue)\" does not fit a \(tenantID == nil ? "platform" : "tenant") token; operator tokens have no tenant and tenant tokens another role")
        }
    }
}
