import Foundation

/// An inbound event as stored, unique per tenant, connection and source event id.
package struct StoredEvent: Sendable, Hashable {
    package let id: EventID
    package let tenantID: TenantID
    package let connectionID: ConnectionID
    /// The id the source system gave the event, such as Stripe's `evt_…`.
    package let sourceEventID: String
    /// The source's event type, such as `invoice.paid`.
    package let eventType: String
    package let receivedAt: Date
    /// The id that follows the event from webhook to target record in logs and audit entries.
    package let correlationID: String
    /// The raw request body; nil once the retention period removed it.
    package let payload: [UInt8]?
    /// The SHA-256 of the raw payload, kept after the payload is removed.
    package let payloadSHA256: [UInt8]
    /// The key of the business object the event is about (such as `invoice:in_123`), when known at ingest.
    package let orderingKey: String?

    package init(
        id: EventID, tenantID: TenantID, connectionID: ConnectionID, sourceEventID: String, eventType: String,
        receivedAt: Date, correlationID: String, payload: [UInt8]?, payloadSHA256: [UInt8], orderingKey: String?
    ) {
        self.id = id
        self.tenantID = tenantID
        self.connectionID = connectionID
        self.sourceEventID = sourceEventID
        self.eventType = eventType
        self.receivedAt = receivedAt
        self.correlationID = correlationID
        self.payload = payload
        self.payloadSHA256 = payloadSHA256
        self.orderingKey = orderingKey
    }
}
