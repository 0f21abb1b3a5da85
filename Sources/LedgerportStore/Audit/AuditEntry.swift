import Foundation
import LedgerportSDK

/// One entry of the append-only, hash-chained audit log.
///
/// ``hash`` is SHA-256 over ``previousHash`` followed by the entry's
/// canonical JSON (see ``AuditChain/canonicalJSON(of:)``). The first entry
/// of a chain has a ``previousHash`` of 32 zero bytes. Changing, removing or
/// reordering any stored entry breaks the chain from that entry on.
package struct AuditEntry: Sendable, Hashable {
    package let scope: AuditScope
    /// The entry's position in its chain, starting at 1 with no gaps.
    package let sequence: Int64
    /// When the action happened, to the millisecond.
    package let occurredAt: Date
    /// The person or component that acted, such as `cli:alice` or `runtime`.
    package let actor: String
    /// The action as a dotted name, such as `connection.created`.
    package let action: String
    /// The kind of object acted on, such as `connection`.
    package let subjectKind: String
    /// The id of the object acted on.
    package let subjectID: String
    /// Facts about the action; never a secret or a payload.
    package let details: JSONValue
    package let previousHash: [UInt8]
    package let hash: [UInt8]

    package init(
        scope: AuditScope, sequence: Int64, occurredAt: Date, actor: String, action: String, subjectKind: String,
        subjectID: String, details: JSONValue, previousHash: [UInt8], hash: [UInt8]
    ) {
        self.scope = scope
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The time as stored and hashed: whole milliseconds since 1970-01-01 UTC.
    package var occurredAtMilliseconds: Int64 {
        AuditChain.milliseconds(occurredAt)
    }
}

/// An audit entry to append; the store assigns the sequence and computes the hashes.
package struct NewAuditEntry: Sendable, Hashable {
    package var occurredAt: Date
    package var actor: String
    package var action: String
    package var subjectKind: String
    package var subjectID: String
    package var details: JSONValue

    package init(occurredAt: Date, actor: String, action: String, subjectKind: String, subjectID: String, details: JSONValue = .object([:])) {
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.details = details
    }
}
