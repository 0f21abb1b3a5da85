import Foundation
import LedgerportSDK

/// Builds a ``CanonicalDeal`` from a deal and its associated company, contacts and line items, fetched through the CRM API.
///
/// The customer is the first associated company, with the associated
/// contacts as its people. A deal with contacts and no company has the
/// first contact as an individual customer, and a deal with neither has no customer.
struct HubSpotDealTranslator: Sendable {
    let client: HubSpotCRMClient
    let settings: HubSpotConnectionSettings

    func deal(id: String) async throws(ConnectorError) -> CanonicalDeal {
        try await deal(from: client.deal(id: id))
    }

    func deal(from json: JSONValue) async throws(ConnectorError) -> CanonicalDeal {
        guard let id = json["id"]?.stringValue else {
            throw ConnectorError.system("hubspot_missing_field", "read HubSpot deal: field \"id\" is missing", hint: "check that the API base URL points at HubSpot's CRM v3 API")
        }
        let properties = json["properties"] ?? [:]
        let stage = properties["dealstage"]?.stringValue ?? ""
        guard let currency = properties["deal_currency_code"]?.stringValue.flatMap({ CurrencyCode($0) }) ?? settings.defaultCurrency else {
            throw ConnectorError.business(
                "hubspot_missing_currency", "read HubSpot deal \"\(id)\": property \"deal_currency_code\" is missing and the connection has no \"default_currency\"",
                hint: "set the deal's currency in HubSpot or \"default_currency\" on the connection, then replay the event"
            )
        }

        let contacts = try await client.batchRead("contacts", ids: Self.associated(json, "contacts"), properties: HubSpotCRMClient.contactProperties)
        let lineItems = try await client.batchRead("line_items", ids: Self.associated(json, "line_items"), properties: HubSpotCRMClient.lineItemProperties)
        var company: JSONValue?
        if let companyID = Self.associated(json, "companies").first {
            company = try await client.company(id: companyID)
        }

        return CanonicalDeal(
            id: id, name: properties["dealname"]?.stringValue ?? "Deal \(id)", stage: stage,
            pipeline: properties["pipeline"]?.stringValue, isClosedWon: settings.closedWonStages.contains(stage),
            amount: try amount(properties, currency: currency, dealID: id),
            closeDate: properties["closedate"]?.stringValue.map { String($0.prefix(10)) },
            customer: try Self.customer(company: company, contacts: contacts),
            lineItems: try lineItems.map { (item) throws(ConnectorError) in try HubSpotLineItemTranslator.lineItem(item, currency: currency, dealID: id) },
            updatedAt: properties["hs_lastmodifieddate"]?.stringValue.flatMap(Self.date),
            metadata: properties["hubspot_owner_id"]?.stringValue.map { ["hubspot_owner_id": $0] } ?? [:]
        )
    }

    /// Returns the ids of the deal's associations of `type`.
    ///
    /// HubSpot names the line items key `line items` in some responses, so both spellings are read.
    static func associated(_ deal: JSONValue, _ type: String) -> [String] {
        let associations = deal["associations"]
        let list = associations?[type] ?? associations?[type.replacingOccurrences(of: "_", with: " ")]
        let ids = list?["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue ?? $0["id"]?.int64Value.map(String.init) } ?? []
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    private func amount(_ properties: JSONValue, currency: CurrencyCode, dealID: String) throws(ConnectorError) -> Money? {
        guard let text = properties["amount"]?.stringValue, !text.isEmpty else { return nil }
        do {
            return try Money(decimal: text, currency: currency)
        } catch {
            throw ConnectorError.business("hubspot_invalid_amount", "read HubSpot deal \"\(dealID)\": amount \"\(text)\" \(currency): \(error)", hint: "correct the deal amount in HubSpot, then replay the event")
        }
    }

    static func customer(company: JSONValue?, contacts: [JSONValue]) throws(ConnectorError) -> CanonicalCustomer? {
        if let company, let customer = try HubSpotCustomerTranslator.company(company, contacts: contacts) {
            return customer
        }
        return contacts.first.flatMap(HubSpotCustomerTranslator.individual)
    }

    /// Parses HubSpot's ISO 8601 timestamps, such as `2026-12-04T19:38:20.123Z`.
    static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
