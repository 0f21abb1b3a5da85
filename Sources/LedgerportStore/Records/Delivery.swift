import Foundation
import LedgerportSDK

/// The work of applying one event to a target through one flow.
///
/// Deliveries with the same tenant and ``orderingKey`` run one at a time in
/// ``orderingVersion`` order, then in id (arrival) order: a delivery is
/// claimed only when no delivery with that key that comes before it is
/// pending or in flight. So an event that arrives late but happened first
/// runs before the later events of its object. A parked earlier delivery does
/// not hold later ones back.
package struct Delivery: Sendable, Hashable {
    package let id: DeliveryID
    package let tenantID: TenantID
    package let eventID: EventID
    package let flowID: FlowID
    package let orderingKey: String
    /// The source's version of the event (a time in milliseconds), which orders deliveries of one key before arrival does.
    package let orderingVersion: Int64
    package let state: DeliveryState
    /// Attempts since the delivery was created or last replayed; retry policies count these.
    package let attemptCount: Int
    /// The earliest time a pending delivery may run (again); while in flight, the claim's expiry, and afterwards a stale value.
    package let nextAttemptAt: Date
    /// While in flight, when the claim expires and another worker may claim the delivery.
    package let leaseExpiresAt: Date?
    /// How many times the delivery was claimed; a claim is valid only while this is unchanged.
    package let claimCount: Int64
    /// The mapping version that produces (or produced) the target operations.
    package let mapping: MappingVersionReference?
    /// The target connector version that applies (or applied) them.
    package let connectorVersion: SemanticVersion?
    /// The message of the last failed attempt.
    package let lastError: String?
    package let createdAt: Date
    package let updatedAt: Date

    package init(
        id: DeliveryID, tenantID: TenantID, eventID: EventID, flowID: FlowID, orderingKey: String, orderingVersion: Int64 = 0,
        state: DeliveryState,
        attemptCount: Int, nextAttemptAt: Date, leaseExpiresAt: Date?, claimCount: Int64, mapping: MappingVersionReference?,
        connectorVersion: SemanticVersion?, lastError: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.eventID = eventID
        self.flowID = flowID
        self.orderingKey = orderingKey
        self.orderingVersion = orderingVersion
        self.state = state
        self.attemptCount = attemptCount
        self.nextAttemptAt = nextAttemptAt
        self.leaseExpiresAt = leaseExpiresAt
        self.claimCount = claimCount
        self.mapping = mapping
        self.connectorVersion = connectorVersion
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The stage of a delivery's life.
///
/// `pending` → `in_flight` (claimed) → `delivered`, back to `pending` (retry,
/// or an expired claim), or `parked` (dead letter). A parked delivery goes
/// back to `pending` when replayed, or to `discarded`.
package enum DeliveryState: String, Sendable, Hashable, CaseIterable, Codable {
    case pending
    case inFlight = "in_flight"
    case delivered
    case parked
    case discarded
}

/// A delivery to create for an event.
package struct NewDelivery: Sendable, Hashable {
    package var flowID: FlowID
    package var orderingKey: String
    /// The source's version of the event; 0 when the source gives none, which leaves arrival order.
    package var orderingVersion: Int64
    /// The earliest time the delivery may run.
    package var notBefore: Date
    package var mapping: MappingVersionReference?
    package var connectorVersion: SemanticVersion?

    package init(
        flowID: FlowID, orderingKey: String, orderingVersion: Int64 = 0, notBefore: Date, mapping: MappingVersionReference? = nil,
        connectorVersion: SemanticVersion? = nil
    ) {
        self.flowID = flowID
        self.orderingKey = orderingKey
        self.orderingVersion = orderingVersion
        self.notBefore = notBefore
        self.mapping = mapping
        self.connectorVersion = connectorVersion
    }

    /// Checks the flow id and that the ordering key is not empty.
    package func validate(operation: @autoclosure () -> String) throws(StoreError) {
        try StoreValidation.validateSlug(flowID.rawValue, operation: operation(), valueName: "flow id")
        try StoreValidation.validateNotBlank(orderingKey, operation: operation(), valueName: "ordering key")
    }
}

/// A mapping version named by mapping id and version number.
package struct MappingVersionReference: Sendable, Hashable {
    package let mappingID: MappingID
    package let version: Int

    package init(mappingID: MappingID, version: Int) {
        self.mappingID = mappingID
        self.version = version
    }
}
