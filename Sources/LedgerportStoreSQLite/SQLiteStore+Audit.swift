import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func appendAuditEntry(_ entry: NewAuditEntry, scope: AuditScope) async throws -> AuditEntry {
        try await write("append audit entry \"\(entry.action)\" to the \(scope) chain") { connection in
            try AuditRows.append(entry, scope: scope, on: connection)
        }
    }

    package func auditEntries(scope: AuditScope, after afterSequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await read("list audit entries of the \(scope) chain") { connection in
            try connection.query(
                "SELECT \(AuditRows.columns) FROM audit_log WHERE tenant_id = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                [.text(AuditRows.chainKey(scope)), .integer(afterSequence), .integer(Int64(limit))]
            ) { try AuditRows.decode($0, scope: scope) }
        }
    }
}

/// Reading and appending rows of `audit_log`, whose chains are keyed by `tenant_id` (`''` for the platform).
enum AuditRows {
    static let columns =
        "sequence, occurred_at_ms, actor, action, subject_kind, subject_id, details_json, previous_hash, entry_hash"

    /// Returns the `tenant_id` value of a chain: the tenant id, or `''` for the platform.
    static func chainKey(_ scope: AuditScope) -> String {
        scope.tenantID?.rawValue ?? ""
    }

    /// Appends `draft` to its chain on `connection`, inside the caller's transaction.
    ///
    /// The single writer runs one closure at a time, so reading the chain's
    /// last entry and inserting the next cannot interleave with another append.
    @discardableResult
    static func append(_ draft: NewAuditEntry, scope: AuditScope, on connection: SQLiteConnection) throws -> AuditEntry {
        var tail = AuditChainTail(scope: scope)
        return try tail.append(draft, on: connection)
    }

    static func decode(_ row: SQLiteRow, scope: AuditScope) throws -> AuditEntry {
        AuditEntry(
            scope: scope, sequence: try row.int64(0), occurredAt: StoreTime.date(try row.int64(1)), actor: try row.text(2),
            action: try row.text(3), subjectKind: try row.text(4), subjectID: try row.text(5),
            details: try StoredJSON.parse(try row.text(6), column: "audit_log.details_json"),
            previousHash: try row.blob(7), hash: try row.blob(8))
    }
}
