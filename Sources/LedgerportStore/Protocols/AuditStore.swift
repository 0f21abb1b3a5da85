/// The append-only, hash-chained audit log, one chain per tenant plus the platform chain.
package protocol AuditStore: Sendable {
    /// Appends an entry to the chain of `scope`, linked to the chain's last entry.
    ///
    /// Implementations build the entry with ``AuditChain/makeEntry(scope:sequence:previousHash:from:)``
    /// and reject updates and deletes of stored entries at the database level.
    func appendAuditEntry(_ entry: NewAuditEntry, scope: AuditScope) async throws -> AuditEntry

    /// Lists entries of `scope` in sequence order after `afterSequence` (0 for the start), at most `limit`.
    func auditEntries(scope: AuditScope, after afterSequence: Int64, limit: Int) async throws -> [AuditEntry]
}

extension AuditStore {
    /// Reads the whole chain of `scope` and finds the first broken link, if any.
    package func verifyAuditChain(scope: AuditScope) async throws -> AuditVerification {
        var entries: [AuditEntry] = []
        var last: Int64 = 0
        while true {
            let page = try await auditEntries(scope: scope, after: last, limit: 1_000)
            guard let final = page.last else {
                break
            }
            entries.append(contentsOf: page)
            last = final.sequence
        }
        return AuditChain.verify(entries)
    }
}
