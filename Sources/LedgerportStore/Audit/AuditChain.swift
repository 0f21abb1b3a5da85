import Foundation
import LedgerportSDK

/// The hash chain rules of the audit log, shared by every ``Store`` implementation.
///
/// An implementation stores what ``makeEntry(scope:sequence:previousHash:from:)``
/// returns and hands stored entries back to ``verify(_:)``. It never hashes
/// on its own, so every implementation produces and checks the same chain.
package enum AuditChain {
    /// The previous hash of a chain's first entry: 32 zero bytes.
    package static let genesisHash = [UInt8](repeating: 0, count: 32)

    /// Builds the entry at `sequence` that follows an entry whose hash is `previousHash`.
    package static func makeEntry(scope: AuditScope, sequence: Int64, previousHash: [UInt8], from draft: NewAuditEntry) -> AuditEntry {
        makeEntryWithDetailsJSON(scope: scope, sequence: sequence, previousHash: previousHash, from: draft).entry
    }

    /// Builds the entry at `sequence` as ``makeEntry(scope:sequence:previousHash:from:)`` does, and returns it with the
    /// compact JSON of its details that the hash covers. A store can keep those bytes without serializing the details again.
    package static func makeEntryWithDetailsJSON(
        scope: AuditScope, sequence: Int64, previousHash: [UInt8], from draft: NewAuditEntry
    ) -> (entry: AuditEntry, detailsJSON: [UInt8]) {
        let occurredAt = Date(timeIntervalSince1970: Double(milliseconds(draft.occurredAt)) / 1000)
        let unhashed = AuditEntry(
            scope: scope, sequence: sequence, occurredAt: occurredAt, actor: draft.actor, action: draft.action,
            subjectKind: draft.subjectKind, subjectID: draft.subjectID, details: draft.details,
            previousHash: previousHash, hash: [])
        let detailsJSON = JSONWriter.bytes(draft.details)
        let entry = AuditEntry(
            scope: scope, sequence: sequence, occurredAt: occurredAt, actor: draft.actor, action: draft.action,
            subjectKind: draft.subjectKind, subjectID: draft.subjectID, details: draft.details,
            previousHash: previousHash, hash: hash(of: unhashed, detailsJSON: detailsJSON))
        return (entry, detailsJSON)
    }

    /// Computes an entry's hash: SHA-256 over its previous hash followed by its canonical JSON.
    package static func hash(of entry: AuditEntry) -> [UInt8] {
        hash(of: entry, detailsJSON: JSONWriter.bytes(entry.details))
    }

    private static func hash(of entry: AuditEntry, detailsJSON: [UInt8]) -> [UInt8] {
        var input = entry.previousHash
        input.reserveCapacity(entry.previousHash.count + detailsJSON.count + 256)
        appendCanonicalJSON(of: entry, detailsJSON: detailsJSON, to: &input)
        return MessageAuthentication.sha256(input)
    }

    /// Serializes the hashed fields of `entry` as compact JSON with sorted keys.
    ///
    /// The fields are `action`, `actor`, `details`, `occurred_at_ms`,
    /// `scope`, `sequence`, `subject_id` and `subject_kind`; the hashes are not part of it.
    package static func canonicalJSON(of entry: AuditEntry) -> [UInt8] {
        var output = [UInt8]()
        appendCanonicalJSON(of: entry, detailsJSON: JSONWriter.bytes(entry.details), to: &output)
        return output
    }

    /// Appends the canonical JSON of `entry`, with `detailsJSON` as the compact JSON of its details.
    ///
    /// The bytes equal what ``JSONWriter`` writes for an object of the eight
    /// fields, because the members are written in its sorted key order.
    private static func appendCanonicalJSON(of entry: AuditEntry, detailsJSON: [UInt8], to output: inout [UInt8]) {
        output.append(contentsOf: #"{"action":"#.utf8)
        JSONWriter.append(.string(entry.action), to: &output)
        output.append(contentsOf: #","actor":"#.utf8)
        JSONWriter.append(.string(entry.actor), to: &output)
        output.append(contentsOf: #","details":"#.utf8)
        output.append(contentsOf: detailsJSON)
        output.append(contentsOf: #","occurred_at_ms":"#.utf8)
        JSONWriter.append(.number(JSONNumber(entry.occurredAtMilliseconds)), to: &output)
        output.append(contentsOf: #","scope":"#.utf8)
        JSONWriter.append(.string(entry.scope.description), to: &output)
        output.append(contentsOf: #","sequence":"#.utf8)
        JSONWriter.append(.number(JSONNumber(entry.sequence)), to: &output)
        output.append(contentsOf: #","subject_id":"#.utf8)
        JSONWriter.append(.string(entry.subjectID), to: &output)
        output.append(contentsOf: #","subject_kind":"#.utf8)
        JSONWriter.append(.string(entry.subjectKind), to: &output)
        output.append(UInt8(ascii: "}"))
    }

    /// Checks a chain's entries, given in sequence order from the first, and finds the first broken link.
    package static func verify(_ entries: [AuditEntry]) -> AuditVerification {
        var expectedPrevious = genesisHash
        for (offset, entry) in entries.enumerated() {
            let expectedSequence = Int64(offset + 1)
            guard entry.sequence == expectedSequence else {
                return .broken(AuditChainBreak(sequence: expectedSequence, reason: .missingEntry))
            }
            guard entry.previousHash == expectedPrevious else {
                return .broken(AuditChainBreak(sequence: entry.sequence, reason: .previousHashMismatch))
            }
            guard entry.hash == hash(of: entry) else {
                return .broken(AuditChainBreak(sequence: entry.sequence, reason: .contentChanged))
            }
            expectedPrevious = entry.hash
        }
        return .intact(entryCount: entries.count)
    }

    /// Converts `date` to whole milliseconds since 1970-01-01 UTC, rounding down.
    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}

/// The result of verifying an audit chain.
package enum AuditVerification: Sendable, Hashable {
    /// Every entry links to the one before it and matches its hash.
    case intact(entryCount: Int)
    /// The first entry at which the chain no longer holds.
    case broken(AuditChainBreak)
}

/// The position and cause of the first broken link of an audit chain.
package struct AuditChainBreak: Sendable, Hashable, CustomStringConvertible {
    /// The cause of the broken link at ``sequence``.
    package enum Reason: String, Sendable, Hashable {
        /// The entry's fields no longer produce its stored hash: it was changed.
        case contentChanged = "content_changed"
        /// The entry does not point to the hash of the entry before it: an entry was changed, replaced or reordered.
        case previousHashMismatch = "previous_hash_mismatch"
        /// No entry has this sequence number: it was removed.
        case missingEntry = "missing_entry"
    }

    package let sequence: Int64
    package let reason: Reason

    package init(sequence: Int64, reason: Reason) {
        self.sequence = sequence
        self.reason = reason
    }

    package var description: String {
        "audit chain broken at entry \(sequence): \(reason.rawValue.replacingOccurrences(of: "_", with: " "))"
    }
}
