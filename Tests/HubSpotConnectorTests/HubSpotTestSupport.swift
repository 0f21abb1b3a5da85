import Foundation
import LedgerportLog
import LedgerportSDK
@testable import HubSpotConnector

/// Fixtures and a CRM API double for the HubSpot connector tests.
enum HubSpotTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A recorded webhook request with the fake client secret it was signed with.
    struct RecordedRequest {
        let secret: Secret
        let method: String
        let uri: String
        let headers: HTTPHeaders
        let body: [UInt8]

        /// The path and query of the request the server receives.
        var path: String {
            String(uri.dropFirst("https://connector.example.com".count))
        }

        var timestampMilliseconds: Int64 {
            Int64(headers["X-HubSpot-Request-Timestamp"]!)!
        }
    }

    static func recorded(_ name: String) throws -> RecordedRequest {
        let json = try JSONParser.parse(Array(try Data(contentsOf: fixtures.appendingPathComponent(name))))
        let request = json["request"]!
        var headers = HTTPHeaders()
        for (key, value) in request["headers"]!.objectValue! {
            headers.add(name: key, value: value.stringValue!)
        }
        return RecordedRequest(
            secret: Secret(json["_fake_client_secret"]!.stringValue!), method: request["method"]!.stringValue!,
            uri: request["uri"]!.stringValue!, headers: headers, body: Array(request["raw_body"]!.stringValue!.utf8)
        )
    }

    static let legacyFile = "deal-propertychange-closedwon.legacy-format.request.json"
    static let genericFile = "object-propertychange-deal-closedwon.generic-format.request.json"

    static func configuration(secrets: [Secret], allowLegacy: Bool = false) -> ConnectorConfiguration {
        ConnectorConfiguration(
            values: [
                "webhook_url": "https://connector.example.com/webhooks/hubspot?portal=48151623", "portal_id": 48151623,
                "api_base_url": "http://127.0.0.1:1",
                "default_currency": "EUR", "allow_legacy_signatures": .bool(allowLegacy),
            ],
            secrets: ["client_secret": secrets, "access_token": [Secret("pat-eu1-fixture")]]
        )
    }

    static func connector(secrets: [Secret], now: Date, http: any HTTPTransport = HubSpotAPIDouble(), allowLegacy: Bool = false) throws -> (HubSpotConnector, ManualClock) {
        let clock = ManualClock(now)
        let context = ConnectorContext(tenantID: "acme", connectionID: "hubspot-test", environment: "test", http: http, clock: clock, logger: .disabled)
        return (try HubSpotConnector(configuration: configuration(secrets: secrets, allowLegacy: allowLegacy), context: context), clock)
    }

    static func webhookRequest(_ recorded: RecordedRequest, headers: HTTPHeaders? = nil, body: [UInt8]? = nil) -> WebhookRequest {
        WebhookRequest(method: recorded.method, path: recorded.path, headers: headers ?? recorded.headers, body: body ?? recorded.body, receivedAt: Date(timeIntervalSince1970: 0))
    }
}

/// A test double of HubSpot's CRM v3 API, returning the response shapes HubSpot documents.
///
/// No HubSpot test server exists, so this serves one portal: deal
/// 28751034567 (closed won, 12000 EUR) associated with company 9876543210,
/// two contacts and two line items, plus deal 28751099001 (closed lost), and
/// records every request.
final class HubSpotAPIDouble: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    static func deal(_ id: String, stage: String, amount: String, withAssociations: Bool) -> JSONValue {
        var deal: JSONValue = [
            "id": .string(id), "archived": false, "createdAt": "2026-11-20T09:00:00.000Z", "updatedAt": "2026-12-04T19:38:20.123Z",
            "properties": [
                "dealname": "Acme Robotics - Connector Business", "amount": .string(amount), "dealstage": .string(stage), "pipeline": "default",
                "closedate": "2026-12-04T19:38:20.123Z", "deal_currency_code": "EUR", "hs_lastmodifieddate": "2026-12-04T19:38:20.123Z",
                "hs_object_id": .string(id), "hubspot_owner_id": "76543210",
            ],
        ]
        if withAssociations {
            deal = deal.setting("associations", to: [
                "companies": ["results": [["id": "9876543210", "type": "deal_to_company"]]],
                "contacts": ["results": [["id": "501", "type": "deal_to_contact"], ["id": "502", "type": "deal_to_contact"]]],
                "line items": ["results": [["id": "7001", "type": "deal_to_line_item"], ["id": "7002", "type": "deal_to_line_item"]]],
            ])
        }
        return deal
    }

    static let company: JSONValue = [
        "id": "9876543210", "archived": false, "createdAt": "2026-01-10T10:00:00.000Z", "updatedAt": "2026-12-01T10:00:00.000Z",
        "properties": ["name": "Acme Robotics GmbH", "domain": "acme-robotics.example", "phone": "+49 30 1234567", "address": "Musterstrasse 1", "city": "Berlin", "zip": "10115", "country": "DE"],
    ]
    static let contacts: JSONValue = [
        ["id": "501", "archived": false, "properties": ["firstname": "Erika", "lastname": "Mustermann", "email": "erika@acme-robotics.example", "jobtitle": "CFO"]],
        ["id": "502", "archived": false, "properties": ["firstname": "Max", "lastname": "Muster", "email": "max@acme-robotics.example"]],
    ]
    static let lineItems: JSONValue = [
        ["id": "7001", "archived": false, "properties": ["name": "Connector Business (yearly)", "quantity": "1", "price": "9900.00", "hs_sku": "CONN-BIZ", "hs_product_id": "1101", "hs_recurring_billing_period": "P12M"]],
        ["id": "7002", "archived": false, "properties": ["name": "Onboarding", "quantity": "2", "price": "1050.00", "hs_discount_percentage": "10"]],
    ]

    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        guard request.headers["Authorization"] == "Bearer pat-eu1-fixture" else {
            return Self.json(401, ["status": "error", "message": "Authentication credentials not found.", "category": "INVALID_AUTHENTICATION"])
        }
        let path = String(request.url.dropFirst("http://127.0.0.1:1".count).split(separator: "?")[0])
        switch (request.method, path) {
        case ("GET", "/crm/v3/objects/deals/28751034567"):
            return Self.json(200, Self.deal("28751034567", stage: "closedwon", amount: "12000", withAssociations: true))
        case ("GET", "/crm/v3/objects/deals/28751099001"):
            return Self.json(200, Self.deal("28751099001", stage: "closedlost", amount: "500", withAssociations: false))
        case ("GET", "/crm/v3/objects/contacts/501"):
            return Self.json(200, Self.contacts[0]!)
        case ("GET", "/crm/v3/objects/line_items/7001"):
            return Self.json(200, Self.lineItems[0]!.setting("associations", to: ["deals": ["results": [["id": "28751034567", "type": "line_item_to_deal"]]]]))
        case ("GET", "/crm/v3/objects/deals"):
            return Self.json(200, dealsPage(after: request.url.contains("after=") ? "second" : nil))
        case ("GET", "/crm/v3/objects/companies/9876543210"):
            return Self.json(200, Self.company)
        case ("POST", "/crm/v3/objects/contacts/batch/read"):
            return Self.json(200, batch(Self.contacts, request: request))
        case ("POST", "/crm/v3/objects/line_items/batch/read"):
            return Self.json(200, batch(Self.lineItems, request: request))
        default:
            return Self.json(404, ["status": "error", "message": "Object not found.", "category": "OBJECT_NOT_FOUND"])
        }
    }

    private func dealsPage(after: String?) -> JSONValue {
        guard after != nil else {
            return ["results": [Self.deal("28751034567", stage: "closedwon", amount: "12000", withAssociations: true)], "paging": ["next": ["after": "28751034568", "link": "https://api.hubapi.com/crm/v3/objects/deals?after=28751034568"]]]
        }
        return ["results": [Self.deal("28751099001", stage: "closedlost", amount: "500", withAssociations: false)]]
    }

    /// Builds a batch read response with the requested ids only.
    private func batch(_ all: JSONValue, request: HTTPRequest) -> JSONValue {
        let inputs = (try? JSONParser.parse(request.body))?["inputs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        let results = all.arrayValue!.filter { inputs.contains($0["id"]!.stringValue!) }
        return ["status": "COMPLETE", "results": .array(results), "startedAt": "2026-12-04T19:38:21.000Z", "completedAt": "2026-12-04T19:38:21.050Z"]
    }

    static func json(_ status: Int, _ body: JSONValue) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(body))
    }
}

extension JSONValue {
    func setting(_ key: String, to value: JSONValue) -> JSONValue {
        var members = objectValue ?? [:]
        members[key] = value
        return .object(members)
    }
}
