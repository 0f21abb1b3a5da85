import Foundation

/// A parked delivery with its classified reason, kept until an operator replays, resolves or discards it.
///
/// A dead letter records one parking. A replay closes it as `replayed` and
/// puts the delivery back in the queue. The delivery's state then shows how
/// the replay ended, and a delivery that fails again parks as a new dead letter.
package struct DeadLetter: Sendable, Hashable {
    package let id: DeadLetterID
    package let tenantID: TenantID
    package let deliveryID: DeliveryID
    package let eventID: EventID
    package let flowID: FlowID
    package let reason: DeadLetterReason
    /// The failure's stable code, such as `odoo_user_error`.
    package let errorCode: String
    package let message: String
    /// The target's own error text, when it gave one.
    package let targetMessage: String?
    package let correlationID: String
    package let status: DeadLetterStatus
    package let parkedAt: Date
    /// When the dead letter was resolved, replayed or discarded.
    package let closedAt: Date?
    /// The operator's reason for resolving or discarding it.
    package let closeReason: String?
    /// The actor who closed it.
    package let closedBy: String?

    package init(
        id: DeadLetterID, tenantID: TenantID, deliveryID: DeliveryID, eventID: EventID, flowID: FlowID,
        reason: DeadLetterReason, errorCode: String, message: String, targetMessage: String?, correlationID: String,
        status: DeadLetterStatus, parkedAt: Date, closedAt: Date?, closeReason: String?, closedBy: String?
    ) {
        self.id = id
        self.tenantID = tenantID
        self.deliveryID = deliveryID
        self.eventID = eventID
        self.flowID = flowID
        self.reason = reason
        self.errorCode = errorCode
        self.message = message
        self.targetMessage = targetMessage
        self.correlationID = correlationID
        self.status = status
        self.parkedAt = parkedAt
        self.closedAt = closedAt
        self.closeReason = closeReason
        self.closedBy = closedBy
    }
}

/// Why a delivery was parked, which decides who looks at it.
package enum DeadLetterReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The connection is misconfigured; an operator fixes it, then replays.
    case configuration
    /// The target rejected the record for a business reason; a finance operator resolves it.
    case business
    /// Transient failures outlasted the retry policy.
    case retriesExhausted = "retries_exhausted"
    /// A bug or an outage.
    case system
}

/// Whether a dead letter still needs attention, and what an operator did with it.
package enum DeadLetterStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waiting for an operator.
    case parked
    /// Put back in the queue; whether the replay succeeded is its delivery's state, and a new failure parks a new dead letter.
    case replayed
    /// Fixed by other means, with the operator's reason; its delivery is not run again.
    case resolved
    /// Dropped on purpose, with a reason.
    case discarded
}

/// The criteria of a dead-letter listing; nil fields match everything.
package struct DeadLetterFilter: Sendable, Hashable {
    package var status: DeadLetterStatus?
    package var reason: DeadLetterReason?
    package var flowID: FlowID?
    /// The earliest parking time to include.
    package var parkedSince: Date?

    package init(status: DeadLetterStatus? = nil, reason: DeadLetterReason? = nil, flowID: FlowID? = nil, parkedSince: Date? = nil) {
        self.status = status
        self.reason = reason
        self.flowID = flowID
        self.parkedSince = parkedSince
    }
}
