import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct AuditCanonicalJSONTests {
    static let entries = [
        AuditEntry(
            scope: .tenant(TenantID(rawValue: "acme")), sequence: 7, occurredAt: Date(timeIntervalSince1970: 1_767_225_600.123),
            actor: "runtime", action: "target.write", subjectKind: "res.partner", subjectID: "ledgerport_cus_1",
            details: ["delivery_id": 12, "operation": ["model": "res.partner", "values": ["name": "Acme \"Nord\"\n", "é": .number(JSONNumber(literal: "1.50")!)]]],
            previousHash: AuditChain.genesisHash, hash: []
        ),
        AuditEntry(
            scope: .platform, sequence: 1, occurredAt: Date(timeIntervalSince1970: 0), actor: "cli:\\alice", action: "tenant.created",
            subjectKind: "tenant", subjectID: "t\u{1}", details: [:], previousHash: AuditChain.genesisHash, hash: []
        ),
    ]

    /// Writes the canonical JSON as defined: the eight hashed fields as one object, through the JSON writer.
    static func writtenObject(_ entry: AuditEntry) -> [UInt8] {
        JSONWriter.bytes([
            "action": .string(entry.action),
            "actor": .string(entry.actor),
            "details": entry.details,
            "occurred_at_ms": .number(JSONNumber(entry.occurredAtMilliseconds)),
            "scope": .string(entry.scope.description),
            "sequence": .number(JSONNumber(entry.sequence)),
            "subject_id": .string(entry.subjectID),
            "subject_kind": .string(entry.subjectKind),
        ])
    }

    @Test(arguments: entries)
    func canonicalJSON_equalsWrittenObject(_ entry: AuditEntry) {
        #expect(AuditChain.canonicalJSON(of: entry) == Self.writtenObject(entry))
    }

    @Test(arguments: entries)
    func hash_coversPreviousHashAndCanonicalJSON(_ entry: AuditEntry) {
        #expect(AuditChain.hash(of: entry) == MessageAuthentication.sha256(entry.previousHash + Self.writtenObject(entry)))
    }

    @Test(arguments: entries)
    func makeEntry_returnsItsDetailsJSON(_ entry: AuditEntry) {
        let draft = NewAuditEntry(
            occurredAt: entry.occurredAt, actor: entry.actor, action: entry.action, subjectKind: entry.subjectKind,
            subjectID: entry.subjectID, details: entry.details)
        let result = AuditChain.makeEntryWithDetailsJSON(scope: entry.scope, sequence: entry.sequence, previousHash: entry.previousHash, from: draft)
        #expect(result.detailsJSON == JSONWriter.bytes(entry.details))
        #expect(result.entry.hash == AuditChain.hash(of: entry))
        #expect(result.entry == AuditChain.makeEntry(scope: entry.scope, sequence: entry.sequence, previousHash: entry.previousHash, from: draft))
    }
}
