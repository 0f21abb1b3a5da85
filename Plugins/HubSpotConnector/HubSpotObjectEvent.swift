import Foundation
import LedgerportSDK

/// One stored HubSpot webhook event, in the legacy (`deal.propertyChange`) or generic (`object.propertyChange`) format.
struct HubSpotObjectEvent: Sendable {
    /// The CRM object an event is about.
    enum ObjectKind: Sendable, Equatable {
        case deal, company, contact, lineItem
        case other(String)
    }

    /// The change to the object.
    enum Action: String, Sendable {
        case creation, propertyChange, deletion
    }

    let subscriptionType: String
    let object: ObjectKind
    let action: Action?
    /// The changed object's id, such as a deal id.
    let objectID: String
    let propertyName: String?
    let propertyValue: String
    let occurredAtMilliseconds: Int64

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// Object type ids of the generic format (`objectTypeId`), from HubSpot's object definitions.
    private static let objectTypeIDs: [String: ObjectKind] = ["0-1": .contact, "0-2": .company, "0-3": .deal, "0-8": .lineItem]

    init(payload: [UInt8]) throws(Invalid) {
        guard let json = try? JSONParser.parse(payload) else { throw Invalid(description: "the payload is not JSON") }
        guard let type = json["subscriptionType"]?.stringValue else { throw Invalid(description: "field \"subscriptionType\" is missing") }
        guard let objectID = json["objectId"]?.int64Value.map(String.init) ?? json["objectId"]?.stringValue else {
            throw Invalid(description: "field \"objectId\" is missing")
        }
        guard let occurredAt = json["occurredAt"]?.int64Value else { throw Invalid(description: "field \"occurredAt\" is missing") }

        let parts = type.split(separator: ".", maxSplits: 1).map(String.init)
        let prefix = parts.first ?? ""
        subscriptionType = type
        action = parts.count == 2 ? Action(rawValue: parts[1]) : nil
        if prefix == "object" {
            let typeID = json["objectTypeId"]?.stringValue ?? ""
            object = Self.objectTypeIDs[typeID] ?? .other(typeID)
        } else {
            object = ["deal": .deal, "company": .company, "contact": .contact, "line_item": .lineItem][prefix] ?? .other(prefix)
        }
        self.objectID = objectID
        propertyName = json["propertyName"]?.stringValue
        propertyValue = json["propertyValue"]?.stringValue ?? ""
        occurredAtMilliseconds = occurredAt
    }

    var occurredAt: Date {
        Date(timeIntervalSince1970: TimeInterval(occurredAtMilliseconds) / 1000)
    }

    /// Returns whether this change marks a deal as won: `dealstage` set to one of `closedWonStages`, or `hs_is_closed_won` set to true.
    func isWonTransition(closedWonStages: Set<String>) -> Bool {
        guard object == .deal, action == .propertyChange else { return false }
        return (propertyName == "dealstage" && closedWonStages.contains(propertyValue))
            || (propertyName == "hs_is_closed_won" && propertyValue == "true")
    }
}
