import Foundation
import LedgerportSDK
import Testing
@testable import HubSpotConnector

/// Company, contact, line item and deletion events, in the documented webhook formats.
@Suite struct HubSpotObjectEventTests {
    static func translate(_ event: JSONValue, api: HubSpotAPIDouble = HubSpotAPIDouble()) async throws -> [CanonicalEvent] {
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [], now: Date(timeIntervalSince1970: 1_796_412_400), http: api)
        let eventID = event["eventId"]!.int64Value!
        return try await connector.translate(NativeEvent(eventID: String(eventID), eventType: event["subscriptionType"]!.stringValue!, payload: JSONWriter.bytes(event), receivedAt: Date(timeIntervalSince1970: 0)))
    }

    static func event(_ type: String, objectID: Int64, objectTypeID: String? = nil, property: String? = nil, value: String? = nil) -> JSONValue {
        var event: JSONValue = [
            "eventId": 900_001, "subscriptionId": 1, "portalId": 48_151_623, "appId": 3_456_789, "occurredAt": 1_796_412_300_500,
            "subscriptionType": .string(type), "attemptNumber": 0, "objectId": .number(JSONNumber(objectID)), "changeSource": "CRM_UI",
        ]
        if let objectTypeID { event = event.setting("objectTypeId", to: .string(objectTypeID)) }
        if let property { event = event.setting("propertyName", to: .string(property)) }
        if let value { event = event.setting("propertyValue", to: .string(value)) }
        return event
    }

    @Test func companyChange_becomesCustomerUpdated() async throws {
        let events = try await Self.translate(Self.event("company.propertyChange", objectID: 9_876_543_210, property: "name", value: "Acme Robotics GmbH"))
        let event = try #require(events.first)
        #expect(event.type == .customerUpdated)
        #expect(event.ordering.key == "customer:company:9876543210")
        guard case .customer(let customer) = event.object else { Issue.record("not a customer"); return }
        #expect(customer.name == "Acme Robotics GmbH")
        #expect(customer.kind == .company)
    }

    @Test func genericContactCreation_becomesCustomerCreated() async throws {
        let events = try await Self.translate(Self.event("object.creation", objectID: 501, objectTypeID: "0-1"))
        let event = try #require(events.first)
        #expect(event.type == .customerCreated)
        guard case .customer(let customer) = event.object else { Issue.record("not a customer"); return }
        #expect(customer.id == "contact:501")
        #expect(customer.kind == .individual)
        #expect(customer.email == "erika@acme-robotics.example")
    }

    @Test func companyDeletion_isDeletedCustomerWithoutFetch() async throws {
        let api = HubSpotAPIDouble()
        let events = try await Self.translate(Self.event("company.deletion", objectID: 42), api: api)
        let event = try #require(events.first)
        #expect(event.type == .customerDeleted)
        guard case .customer(let customer) = event.object else { Issue.record("not a customer"); return }
        #expect(customer.deleted)
        #expect(customer.id == "company:42")
        #expect(api.requests.isEmpty)
    }

    @Test func lineItemChange_becomesUpdateOfItsDeal() async throws {
        let events = try await Self.translate(Self.event("object.propertyChange", objectID: 7001, objectTypeID: "0-8", property: "quantity", value: "2"))
        let event = try #require(events.first)
        #expect(event.type == .dealUpdated)
        #expect(event.ordering.key == "deal:28751034567")
    }

    @Test func deletedLineItem_givesNoEvent() async throws {
        #expect(try await Self.translate(Self.event("object.deletion", objectID: 7999, objectTypeID: "0-8")).isEmpty)
    }

    @Test func dealDeletion_givesNoEvent() async throws {
        let api = HubSpotAPIDouble()
        #expect(try await Self.translate(Self.event("deal.deletion", objectID: 28_751_034_567), api: api).isEmpty)
        #expect(api.requests.isEmpty)
    }

    @Test func dealCreatedWon_becomesClosedWon() async throws {
        let events = try await Self.translate(Self.event("deal.creation", objectID: 28_751_034_567))
        #expect(events.first?.type == .dealClosedWon)
    }

    @Test func changedLineItemOfMissingDeal_isBusinessError() async throws {
        await #expect { try await Self.translate(Self.event("object.propertyChange", objectID: 7999, objectTypeID: "0-8", property: "price", value: "1")) } throws: { error in
            (error as? ConnectorError)?.code == "hubspot_not_found"
        }
    }
}
