import Foundation
import LedgerportSDK

/// An event to ingest, with the deliveries to create when it is new.
package struct NewEvent: Sendable, Hashable {
    package var connectionID: ConnectionID
    package var sourceEventID: String
    package var eventType: String
    package var receivedAt: Date
    package var correlationID: String
    /// The raw body to store; nil when the retention setting keeps no payloads.
    package var payload: [UInt8]?
    /// The SHA-256 of the raw body, stored even when the body is not.
    package var payloadSHA256: [UInt8]
    package var orderingKey: String?
    /// The source's version of the changed object, which orders deliveries of one key; nil when the source gives none.
    package var orderingVersion: Int64?
    /// The deliveries to create in the same transaction, only if the event is not a duplicate.
    package var deliveries: [NewDelivery]

    /// Creates an event from its raw `body`, computing the body's SHA-256.
    ///
    /// - Parameter retainsPayload: false to store only the digest, not the body.
    package init(
        connectionID: ConnectionID, sourceEventID: String, eventType: String, receivedAt: Date, correlationID: String,
        body: [UInt8], retainsPayload: Bool = true, orderingKey: String? = nil, orderingVersion: Int64? = nil, deliveries: [NewDelivery] = []
    ) {
        self.connectionID = connectionID
        self.sourceEventID = sourceEventID
        self.eventType = eventType
        self.receivedAt = receivedAt
        self.correlationID = correlationID
        self.payload = retainsPayload ? body : nil
        self.payloadSHA256 = MessageAuthentication.sha256(body)
        self.orderingKey = orderingKey
        self.orderingVersion = orderingVersion
        self.deliveries = deliveries
    }

    /// Checks that the source event id, event type and correlation id are not empty.
    package func validate() throws(StoreError) {
        // The operation's text is built only for an error: ingest validates every event.
        let operation = { [connectionID] in "ingest event for connection \"\(connectionID)\"" }
        try StoreValidation.validateNotBlank(sourceEventID, operation: operation(), valueName: "source event id")
        try StoreValidation.validateNotBlank(eventType, operation: operation(), valueName: "event type")
        try StoreValidation.validateNotBlank(correlationID, operation: operation(), valueName: "correlation id")
        guard payloadSHA256.count == 32 else {
            throw .invalidInput(operation(), "payload digest", "has \(payloadSHA256.count) bytes, expected 32")
        }
        for delivery in deliveries {
            try delivery.validate(operation: operation())
        }
    }
}

/// The result for one event of an ingested batch.
package enum IngestOutcome: Sendable, Hashable {
    /// The event was new: it is now stored, with its deliveries.
    case stored(EventID, deliveries: [DeliveryID])
    /// An event with the same tenant, connection and source event id was already stored; nothing changed.
    case duplicate(EventID)

    /// The id of the stored event, new or earlier.
    package var eventID: EventID {
        switch self {
        case .stored(let id, _), .duplicate(let id): id
        }
    }

    /// Whether the event was stored before this batch.
    package var isDuplicate: Bool {
        if case .duplicate = self { return true }
        return false
    }
}
