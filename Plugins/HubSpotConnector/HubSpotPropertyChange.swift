import Foundation
import LedgerportSDK

/// One stored HubSpot webhook event, as far as translation reads it.
struct HubSpotPropertyChange: Sendable {
    let subscriptionType: String
    /// The changed object's id, such as a deal id.
    let objectID: String
    /// `0-3` for deals in the generic format; nil in the legacy format, whose type names the object.
    let objectTypeID: String?
    let propertyName: String?
    let propertyValue: String
    let occurredAtMilliseconds: Int64

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(payload: [UInt8]) throws(Invalid) {
        guard let json = try? JSONParser.parse(payload) else { throw Invalid(description: "the payload is not JSON") }
        guard let type = json["subscriptionType"]?.stringValue else { throw Invalid(description: "field \"subscriptionType\" is missing") }
        guard let objectID = json["objectId"]?.int64Value.map(String.init) ?? json["objectId"]?.stringValue else {
            throw Invalid(description: "field \"objectId\" is missing")
        }
        guard let occurredAt = json["occurredAt"]?.int64Value else { throw Invalid(description: "field \"occurredAt\" is missing") }
        subscriptionType = type
        self.objectID = objectID
        objectTypeID = json["objectTypeId"]?.stringValue
        propertyName = json["propertyName"]?.stringValue
        propertyValue = json["propertyValue"]?.stringValue ?? ""
        occurredAtMilliseconds = occurredAt
    }

    var occurredAt: Date {
        Date(timeIntervalSince1970: TimeInterval(occurredAtMilliseconds) / 1000)
    }

    /// Whether this is a change of a deal's `dealstage`, in either webhook format.
    var isDealStageChange: Bool {
        guard propertyName == "dealstage" else { return false }
        return subscriptionType == "deal.propertyChange" || (subscriptionType == "object.propertyChange" && objectTypeID == "0-3")
    }
}
