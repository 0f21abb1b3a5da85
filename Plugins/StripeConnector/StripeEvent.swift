import Foundation
import LedgerportSDK

/// A stored Stripe event, parsed and checked for a supported API version, ready for translation.
struct StripeEvent: Sendable {
    let id: String
    let type: String
    /// When Stripe created the event, in Unix seconds.
    let createdSeconds: Int64
    let apiVersion: StripeAPIVersion
    let livemode: Bool?
    /// The event's `data.object`.
    let object: StripeObject

    /// Parses `payload` as a Stripe event, reading it in its `api_version`, or `fallbackVersion` when it has none.
    init(payload: [UInt8], fallbackVersion: StripeAPIVersion) throws(ConnectorError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(payload)
        } catch {
            throw ConnectorError.system("stripe_invalid_payload", "read Stripe event: the stored payload is not JSON (\(error))")
        }
        let root = StripeObject(json: json, path: "", subject: "Stripe event")
        let id = try root.requireString("id")
        let type = try root.requireString("type")
        let envelope = StripeObject(json: json, path: "", subject: "Stripe event \"\(id)\" (\(type))")

        self.id = id
        self.type = type
        self.createdSeconds = try envelope.requireInteger("created")
        self.apiVersion = try envelope.string("api_version").map { (text) throws(ConnectorError) in
            try StripeAPIVersion.parse(text, eventID: id)
        } ?? fallbackVersion
        self.livemode = envelope.bool("livemode")
        let data = try envelope.requireObject("data")
        self.object = try data.requireObject("object")
    }

    var created: Date {
        Date(timeIntervalSince1970: TimeInterval(createdSeconds))
    }

    /// The event's source record for canonical events.
    var source: EventSource {
        EventSource(
            connector: StripeConnector.id, connectorVersion: StripeConnector.version.description,
            nativeType: type, apiVersion: apiVersion.rawValue, livemode: livemode
        )
    }

    /// Wraps `object` in a canonical event with this event's id, or with `id` when one native event yields several.
    func canonical(
        _ type: CanonicalEventType, object: CanonicalObjectValue, ordering: EventOrdering, id: String? = nil
    ) -> CanonicalEvent {
        CanonicalEvent(id: id ?? self.id, type: type, occurredAt: created, source: source, ordering: ordering, object: object)
    }
}
