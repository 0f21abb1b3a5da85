import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

/// The last entry of one audit chain, read from `audit_log` at the first append and then carried forward in memory.
///
/// A tail is valid inside one write closure of the single writer, so no other
/// append can interleave, and only until a rollback undoes entries it appended.
/// After such a rollback, start a new tail: its first append reads the chain again.
struct AuditChainTail {
    let scope: AuditScope
    private let key: String
    private var last: (sequence: Int64, hash: [UInt8])?
    private var isRead = false

    init(scope: AuditScope) {
        self.scope = scope
        self.key = AuditRows.chainKey(scope)
    }

    /// Appends `draft` after the chain's last entry, inside the caller's transaction.
    mutating func append(_ draft: NewAuditEntry, on connection: SQLiteConnection) throws -> AuditEntry {
        if !isRead {
            last = try connection.queryFirst(
                "SELECT sequence, entry_hash FROM audit_log WHERE tenant_id = ? ORDER BY sequence DESC LIMIT 1", [.text(key)]
            ) { (try $0.int64(0), try $0.blob(1)) }
            isRead = true
        }

        let (entry, detailsJSON) = AuditChain.makeEntryWithDetailsJSON(
            scope: scope, sequence: (last?.sequence ?? 0) + 1, previousHash: last?.hash ?? AuditChain.genesisHash, from: draft)
        try connection.execute(
            """
            INSERT INTO audit_log (tenant_id, sequence, occurred_at_ms, actor, action, subject_kind, subject_id,
                details_json, previous_hash, entry_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(key), .integer(entry.sequence), .integer(entry.occurredAtMilliseconds), .text(entry.actor),
             .text(entry.action), .text(entry.subjectKind), .text(entry.subjectID), .text(String(decoding: detailsJSON, as: UTF8.self)),
             .blob(entry.previousHash), .blob(entry.hash)])
        last = (entry.sequence, entry.hash)
        return entry
    }
}
