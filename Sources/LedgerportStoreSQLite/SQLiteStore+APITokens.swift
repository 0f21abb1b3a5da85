import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    /// Stores the token's digest, never its secret, with an `api_token.created` entry in the tenant's chain or the platform's.
    ///
    /// - Throws: ``StoreError`` `invalid_input` from ``NewAPIToken/validate()``,
    ///   `not_found` for a missing tenant, `already_exists` for a digest that is stored already.
    package func createAPIToken(_ token: NewAPIToken, actor: String) async throws -> APIToken {
        try token.validate()
        let created = APIToken(
            id: .generate(), tenantID: token.tenantID, role: token.role, name: token.name, createdAt: StoreTime.now(clock), revokedAt: nil)
        let operation = "create API token \"\(token.name)\""

        return try await write(operation) { db in
            if let tenant = token.tenantID {
                try TenantRows.requireTenant(tenant, operation: operation, on: db)
            }
            do {
                try db.execute(
                    "INSERT INTO api_tokens (id, tenant_id, role, name, token_digest, created_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
                    [.text(created.id.rawValue), .text(token.tenantID?.rawValue), .text(token.role.rawValue), .text(token.name),
                     .blob(token.tokenDigest), .integer(StoreTime.milliseconds(created.createdAt))])
            } catch let error as SQLiteError where error.isUniqueViolation {
                // The message names the token, not the digest: the digest identifies a credential.
                throw StoreError.alreadyExists(
                    "create API token", "\"\(token.name)\" with this digest", hint: "generate a new secret for the token")
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: created.createdAt, actor: actor, action: "api_token.created", subjectKind: "api_token",
                    subjectID: created.id.rawValue, details: ["name": .string(token.name), "role": .string(token.role.rawValue)]),
                scope: APITokenRows.scope(token.tenantID), on: db)
            return created
        }
    }

    package func apiToken(digest: [UInt8]) async throws -> APIToken? {
        try await read("authenticate API token") { db in
            try db.queryFirst(
                "SELECT \(APITokenRows.columns) FROM api_tokens WHERE token_digest = ? AND revoked_at_ms IS NULL", [.blob(digest)],
                APITokenRows.decode)
        }
    }

    package func apiTokens(tenant: TenantID?) async throws -> [APIToken] {
        try await read("list API tokens of \(APITokenRows.owner(tenant))") { db in
            try db.query(
                "SELECT \(APITokenRows.columns) FROM api_tokens WHERE tenant_id IS ? ORDER BY created_at_ms, rowid",
                [.text(tenant?.rawValue)], APITokenRows.decode)
        }
    }

    /// Sets the token's revocation time, with an `api_token.revoked` audit entry.
    ///
    /// - Throws: ``StoreError`` `not_found` for a token outside `tenant` (nil: the platform), `conflict` when it is revoked already.
    package func revokeAPIToken(_ id: APITokenID, tenant: TenantID?, actor: String) async throws -> APIToken {
        let now = StoreTime.now(clock)
        let operation = "revoke API token \"\(id)\""

        return try await write(operation) { db in
            let token = try APITokenRows.require(id, tenant: tenant, operation: "revoke API token", on: db)
            if let revokedAt = token.revokedAt {
                throw StoreError.conflict(
                    "revoke API token", "\"\(id)\" (\(token.name))", "it was revoked at \(StoreTime.iso8601(revokedAt))",
                    hint: "nothing to do; the token no longer authenticates")
            }
            try db.execute(
                "UPDATE api_tokens SET revoked_at_ms = ? WHERE id = ? AND tenant_id IS ?",
                [.integer(StoreTime.milliseconds(now)), .text(id.rawValue), .text(tenant?.rawValue)])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "api_token.revoked", subjectKind: "api_token", subjectID: id.rawValue,
                    details: ["name": .string(token.name), "role": .string(token.role.rawValue)]),
                scope: APITokenRows.scope(tenant), on: db)
            return try APITokenRows.require(id, tenant: tenant, operation: "revoke API token", on: db)
        }
    }
}

/// Reading rows of `api_tokens`, which hold the SHA-256 of each token's secret and never the secret.
enum APITokenRows {
    static let columns = "id, tenant_id, role, name, created_at_ms, revoked_at_ms"

    /// Returns the audit chain of a token: its tenant's, or the platform's for a platform token.
    static func scope(_ tenant: TenantID?) -> AuditScope {
        tenant.map(AuditScope.tenant) ?? .platform
    }

    /// Names the owner of a token in messages: `tenant "<id>"` or `the platform`.
    static func owner(_ tenant: TenantID?) -> String {
        tenant.map { "tenant \"\($0)\"" } ?? "the platform"
    }

    static func decode(_ row: SQLiteRow) throws -> APIToken {
        APIToken(
            id: APITokenID(rawValue: try row.text(0)), tenantID: try row.optionalText(1).map(TenantID.init(rawValue:)),
            role: try StoredValue.decode(try row.text(2), as: APIRole.self, column: "api_tokens.role"), name: try row.text(3),
            createdAt: StoreTime.date(try row.int64(4)), revokedAt: StoreTime.optionalDate(try row.optionalInt64(5)))
    }

    /// Reads the token of `tenant` (nil: a platform token), or throws `not_found` (also for another scope's token).
    ///
    /// The error names the tenant by its slug and how to list the tokens of that scope.
    static func require(_ id: APITokenID, tenant: TenantID?, operation: String, on db: SQLiteConnection) throws -> APIToken {
        let found = try db.queryFirst(
            "SELECT \(columns) FROM api_tokens WHERE id = ? AND tenant_id IS ?", [.text(id.rawValue), .text(tenant?.rawValue)], decode)
        guard let found else {
            guard let tenant else {
                throw StoreError.notFound(operation, "\"\(id)\" of the platform", hint: "list platform tokens with `ledgerport token list`")
            }
            let slug = TenantRows.slug(tenant, on: db) ?? tenant.rawValue
            throw StoreError.notFound(
                operation, "\"\(id)\" of tenant \"\(slug)\"", hint: "list the tenant's tokens with `ledgerport token list --tenant \(slug)`")
        }
        return found
    }
}
