import Foundation
import LedgerportSDK

/// Turns one stored HubSpot event into canonical events, fetching the current object from the CRM API.
///
/// | HubSpot event | canonical event |
/// |---|---|
/// | deal created, or a property changed | `deal.closed_won` when the change wins the deal (or it is created won), else `deal.updated` |
/// | deal deleted | none: Odoo keeps the orders of deleted deals |
/// | company or contact created, changed, deleted | `customer.created`, `.updated`, `.deleted` |
/// | line item created, changed or deleted (generic format, `0-8`) | `deal.updated` for its deal |
///
/// A won deal is reported by both `dealstage` and `hs_is_closed_won` changes,
/// as the generic-format sample shows in one batch. One win can therefore give
/// two `deal.closed_won` events with different ids and the same ordering
/// version, which mappings apply idempotently by the deal's id. Events read
/// the object's state when translated, not when the event happened.
struct HubSpotEventRouter: Sendable {
    let client: HubSpotCRMClient
    let settings: HubSpotConnectionSettings
    let logger: Logger

    func translate(_ event: HubSpotObjectEvent, eventID: String) async throws(ConnectorError) -> [CanonicalEvent] {
        switch (event.object, event.action) {
        case (.deal, .deletion), (_, nil), (.other, _):
            logger.debug("skip HubSpot event", metadata: [LogMetadataKey.eventID: .string(eventID), LogMetadataKey.eventType: .string(event.subscriptionType)])
            return []
        case (.deal, .some):
            let deal = try await HubSpotDealTranslator(client: client, settings: settings).deal(id: event.objectID)
            let won = event.isWonTransition(closedWonStages: settings.closedWonStages) || (event.action == .creation && deal.isClosedWon)
            return [canonical(eventID, event, type: won ? .dealClosedWon : .dealUpdated, object: .deal(deal), key: "deal:\(deal.id)")]
        case (.company, .some(let action)), (.contact, .some(let action)):
            let customer = try await customer(of: event, action: action)
            let type: CanonicalEventType = switch action {
            case .creation: .customerCreated
            case .propertyChange: .customerUpdated
            case .deletion: .customerDeleted
            }
            return [canonical(eventID, event, type: type, object: .customer(customer), key: "customer:\(customer.id)")]
        case (.lineItem, .some):
            return try await lineItemDealEvent(event, eventID: eventID)
        }
    }

    private func customer(of event: HubSpotObjectEvent, action: HubSpotObjectEvent.Action) async throws(ConnectorError) -> CanonicalCustomer {
        let isCompany = event.object == .company
        if action == .deletion {
            return HubSpotCustomerTranslator.deleted(isCompany ? .company : .individual, id: event.objectID)
        }
        let json = isCompany ? try await client.company(id: event.objectID) : try await client.contact(id: event.objectID)
        let built = isCompany ? try HubSpotCustomerTranslator.company(json) : HubSpotCustomerTranslator.individual(json)
        guard let customer = built else {
            throw ConnectorError.system("hubspot_missing_field", "read HubSpot \(isCompany ? "company" : "contact") \"\(event.objectID)\": field \"id\" is missing", hint: "check that the API base URL points at HubSpot's CRM v3 API")
        }
        return customer
    }

    /// Reports a changed line item as an update of its deal; a deleted line item that can no longer be read gives no event.
    private func lineItemDealEvent(_ event: HubSpotObjectEvent, eventID: String) async throws(ConnectorError) -> [CanonicalEvent] {
        let lineItem: JSONValue
        do {
            lineItem = try await client.lineItem(id: event.objectID)
        } catch where error.code == "hubspot_not_found" && event.action == .deletion {
            // NOTE: HubSpot no longer returns a deleted line item or its deal, so the
            // deal's update waits for its next change or a backfill.
            logger.info("skip deleted HubSpot line item", metadata: [LogMetadataKey.eventID: .string(eventID)])
            return []
        }
        guard let dealID = HubSpotDealTranslator.associated(lineItem, "deals").first else {
            return []
        }
        let deal = try await HubSpotDealTranslator(client: client, settings: settings).deal(id: dealID)
        return [canonical(eventID, event, type: .dealUpdated, object: .deal(deal), key: "deal:\(deal.id)")]
    }

    private func canonical(_ eventID: String, _ event: HubSpotObjectEvent, type: CanonicalEventType, object: CanonicalObjectValue, key: String) -> CanonicalEvent {
        CanonicalEvent(
            id: eventID, type: type, occurredAt: event.occurredAt,
            source: EventSource(connector: HubSpotConnector.id, connectorVersion: HubSpotConnector.version.description, nativeType: event.subscriptionType),
            ordering: EventOrdering(key: key, version: event.occurredAtMilliseconds), object: object
        )
    }
}
