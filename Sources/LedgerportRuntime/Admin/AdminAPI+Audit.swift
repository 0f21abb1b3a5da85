import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// The audit log: a tenant's chain for every role of the tenant, the platform's chain for operators, each with a check of its hashes.
extension AdminAPI {
    func registerAuditRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/audit", scope: .platform, permission: .readPlatform, accepts: .query("after", "limit")) { request in
            try await auditPage(.platform, request)
        }
        add(&routes, "GET", "/audit/verify", scope: .platform, permission: .readPlatform, accepts: .nothing) { _ in
            try await verifyAudit(.platform)
        }
        add(&routes, "GET", "/tenants/{tenant}/audit", scope: .tenant, permission: .read, accepts: .query("after", "limit")) { request in
            try await auditPage(.tenant(request.scopedTenant.id), request)
        }
        add(&routes, "GET", "/tenants/{tenant}/audit/verify", scope: .tenant, permission: .read, accepts: .nothing) { request in
            try await verifyAudit(.tenant(request.scopedTenant.id))
        }
    }

    /// Lists one page of a chain in sequence order; `after` is the last sequence number of the previous page.
    private func auditPage(_ scope: AuditScope, _ request: AdminRequest) async throws -> (Int, JSONValue) {
        let limit = try request.limit()
        let entries = try await store.auditEntries(scope: scope, after: try request.after() ?? 0, limit: limit)
        return (200, Self.page("entries", entries.map(AdminJSON.auditEntry), lastID: entries.last?.sequence, limit: limit))
    }

    /// Reads the whole chain and checks every link; a broken chain is still a 200, with `intact` false, and a warning in the log.
    private func verifyAudit(_ scope: AuditScope) async throws -> (Int, JSONValue) {
        let verification = try await store.verifyAuditChain(scope: scope)
        if case .broken(let link) = verification {
            logger.warning("audit chain broken", metadata: [
                "audit.chain": .string(scope.description), "audit.sequence": .integer(link.sequence), "audit.reason": .string(link.reason.rawValue),
            ])
        }
        return (200, AdminJSON.auditVerification(verification))
    }
}
