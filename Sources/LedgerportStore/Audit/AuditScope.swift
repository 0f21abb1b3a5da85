/// The chain an audit entry belongs to: one per tenant, plus one for the platform.
///
/// Each tenant's entries form their own hash chain, so a tenant's log can be
/// read and verified without any other tenant's rows. Platform actions
/// (certificates) go to the platform chain.
package enum AuditScope: Sendable, Hashable, CustomStringConvertible {
    case tenant(TenantID)
    case platform

    /// The tenant, or nil for the platform chain.
    package var tenantID: TenantID? {
        if case .tenant(let id) = self { return id }
        return nil
    }

    /// The scope as written into each entry's canonical JSON: `tenant:<id>` or `platform`.
    package var description: String {
        switch self {
        case .tenant(let id): "tenant:\(id)"
        case .platform: "platform"
        }
    }
}
