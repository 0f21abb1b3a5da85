import LedgerportSDK

/// Events a scheduled flow stores already translated: the payload is a canonical event, not a webhook body.
///
/// A backfill lists objects through the source's API and gets canonical
/// events back. They are stored like webhook events, so that deduplication,
/// ordering, retries and dead letters work the same, with an event type
/// that starts with ``prefix`` so that delivery decodes the payload instead
/// of asking the source connector to translate it.
enum CanonicalEventPayload {
    /// The prefix of the stored event type, such as `canonical:invoice.paid`.
    static let prefix = "canonical:"

    /// Returns the stored event type of a canonical event.
    static func eventType(of event: CanonicalEvent) -> String {
        prefix + event.type.rawValue
    }

    /// Returns whether a stored event type names a canonical payload.
    static func isCanonical(eventType: String) -> Bool {
        eventType.hasPrefix(prefix)
    }

    static func encode(_ event: CanonicalEvent) throws -> [UInt8] {
        try JSONValueEncoder().encodeBytes(event)
    }

    static func decode(_ payload: [UInt8], eventID: String) throws(ConnectorError) -> CanonicalEvent {
        do {
            return try JSONValueDecoder().decode(CanonicalEvent.self, from: payload)
        } catch {
            throw ConnectorError.system("canonical_payload_invalid", "read stored canonical event \"\(eventID)\": \(error)", hint: "run the schedule window again; its events are listed anew")
        }
    }
}
