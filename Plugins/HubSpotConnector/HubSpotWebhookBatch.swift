import LedgerportSDK

/// Splits a verified HubSpot webhook body, a JSON array of events, into one received event per element.
///
/// Each element's `eventId` is its deduplication key (HubSpot retries send
/// the same id with a higher `attemptNumber`) and its `subscriptionType`
/// (such as `deal.propertyChange`) its type. An element is stored as its own
/// compact JSON with sorted keys. A batch with an event of another portal
/// than the connection's is rejected whole.
enum HubSpotWebhookBatch {
    static func events(in body: [UInt8], portalID: Int64) throws(WebhookRejection) -> [ReceivedEvent] {
        let elements: [JSONValue]
        do {
            guard let array = try JSONParser.parse(body).arrayValue else {
                throw malformed("the body is not a JSON array of events")
            }
            elements = array
        } catch let rejection as WebhookRejection {
            throw rejection
        } catch {
            throw malformed("the body is not JSON: \(error)")
        }

        var events = [ReceivedEvent]()
        for (position, element) in elements.enumerated() {
            guard let eventID = element["eventId"]?.int64Value ?? element["eventId"]?.stringValue.flatMap({ Int64($0) }) else {
                throw malformed("event [\(position)] has no integer \"eventId\"")
            }
            guard let type = element["subscriptionType"]?.stringValue, !type.isEmpty else {
                throw malformed("event [\(position)] has no \"subscriptionType\"")
            }
            guard element["portalId"]?.int64Value == portalID else {
                throw WebhookRejection(
                    "portal_mismatch",
                    "event [\(position)] is from portal \(element["portalId"]?.description ?? "missing"), not this connection's portal \(portalID); check the app's webhook URL and the connection's \"portal_id\"",
                    httpStatus: 400
                )
            }
            events.append(ReceivedEvent(
                eventID: String(eventID), eventType: type, payload: JSONWriter.bytes(element),
                orderingKey: Self.orderingKey(of: element, type: type), orderingVersion: element["occurredAt"]?.int64Value
            ))
        }
        guard !events.isEmpty else { throw malformed("the array contains no events") }
        return events
    }

    private static func malformed(_ cause: String) -> WebhookRejection {
        WebhookRejection(.malformedPayload, "the HubSpot webhook body is malformed: \(cause)", httpStatus: 400)
    }

    /// The object an event changes, such as `deal:28751034567`, so changes of one deal apply in order.
    ///
    /// Legacy subscription types name the object before the dot (`deal.propertyChange`); generic
    /// ones carry `objectTypeId`, where `0-3` is a deal, `0-2` a company and `0-1` a contact.
    static func orderingKey(of element: JSONValue, type: String) -> String? {
        guard let objectID = element["objectId"]?.int64Value else { return nil }
        let prefix = type.split(separator: ".").first.map(String.init) ?? type
        let kind: String
        if prefix == "object" {
            switch element["objectTypeId"]?.stringValue {
            case "0-1": kind = "contact"
            case "0-2": kind = "company"
            case "0-3": kind = "deal"
            case let other?: kind = "object_\(other)"
            case nil: return nil
            }
        } else {
            kind = prefix
        }
        return "\(kind):\(objectID)"
    }
}
