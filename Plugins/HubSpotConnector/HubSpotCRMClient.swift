import Foundation
import LedgerportSDK

/// Reads deals and their associated objects from HubSpot's CRM v3 API.
///
/// Endpoints (developers.hubspot.com, CRM API v3):
/// - `GET /crm/v3/objects/deals/{id}?properties=...&associations=companies,contacts,line_items`
/// - `GET /crm/v3/objects/deals?limit=&after=&properties=...&associations=...` (backfill pages)
/// - `GET /crm/v3/objects/companies/{id}?properties=...` and `GET /crm/v3/objects/contacts/{id}?properties=...`
/// - `GET /crm/v3/objects/line_items/{id}?associations=deals` (the deal of a changed line item)
/// - `POST /crm/v3/objects/contacts/batch/read` and `POST /crm/v3/objects/line_items/batch/read`
///
/// Requests carry the access token as a bearer token. It does not retry:
/// 429 and 5xx become transient errors with HubSpot's `Retry-After`, which
/// the runtime retries, and the other statuses follow the table in ``error(operation:response:)``.
struct HubSpotCRMClient: Sendable {
    let baseURL: String
    let accessToken: Secret
    let transport: any HTTPTransport

    static let dealProperties = ["dealname", "amount", "dealstage", "pipeline", "closedate", "deal_currency_code", "hs_lastmodifieddate", "hubspot_owner_id"]
    static let companyProperties = ["name", "domain", "phone", "address", "address2", "city", "zip", "state", "country"]
    static let contactProperties = ["firstname", "lastname", "email", "phone", "jobtitle"]
    static let lineItemProperties = ["name", "quantity", "price", "hs_sku", "hs_product_id", "hs_discount_percentage", "hs_recurring_billing_period", "recurringbillingfrequency"]
    static let associations = "companies,contacts,line_items"

    func deal(id: String) async throws(ConnectorError) -> JSONValue {
        try await get("/crm/v3/objects/deals/\(id)", query: [
            ("properties", Self.dealProperties.joined(separator: ",")), ("associations", Self.associations),
        ])
    }

    /// Fetches one page of deals, after the cursor `after` when given.
    func deals(after: String?, limit: Int) async throws(ConnectorError) -> JSONValue {
        var query = [("limit", String(min(max(limit, 1), 100))), ("properties", Self.dealProperties.joined(separator: ",")), ("associations", Self.associations)]
        if let after { query.append(("after", after)) }
        return try await get("/crm/v3/objects/deals", query: query)
    }

    func company(id: String) async throws(ConnectorError) -> JSONValue {
        try await get("/crm/v3/objects/companies/\(id)", query: [("properties", Self.companyProperties.joined(separator: ","))])
    }

    func contact(id: String) async throws(ConnectorError) -> JSONValue {
        try await get("/crm/v3/objects/contacts/\(id)", query: [("properties", Self.contactProperties.joined(separator: ","))])
    }

    /// Fetches a line item with its deal associations.
    func lineItem(id: String) async throws(ConnectorError) -> JSONValue {
        try await get("/crm/v3/objects/line_items/\(id)", query: [("properties", "name"), ("associations", "deals")])
    }

    /// Reads objects of `type` (`contacts`, `line_items`) by id in one batch request; their `results`.
    func batchRead(_ type: String, ids: [String], properties: [String]) async throws(ConnectorError) -> [JSONValue] {
        guard !ids.isEmpty else { return [] }
        let body: JSONValue = ["inputs": .array(ids.map { ["id": .string($0)] }), "properties": .array(properties.map(JSONValue.string))]
        let json = try await send(HTTPRequest(method: "POST", url: baseURL + "/crm/v3/objects/\(type)/batch/read", headers: headers(json: true), body: JSONWriter.bytes(body)), operation: "POST /crm/v3/objects/\(type)/batch/read")
        return json["results"]?.arrayValue ?? []
    }

    private func get(_ path: String, query: [(String, String)]) async throws(ConnectorError) -> JSONValue {
        let queryText = query.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
        return try await send(HTTPRequest(method: "GET", url: "\(baseURL)\(path)?\(queryText)", headers: headers(json: false)), operation: "GET \(path)")
    }

    private func headers(json: Bool) -> HTTPHeaders {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(accessToken.revealText())", "Accept": "application/json"]
        if json { headers.add(name: "Content-Type", value: "application/json") }
        return headers
    }

    private func send(_ request: HTTPRequest, operation: String) async throws(ConnectorError) -> JSONValue {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw ConnectorError(error.failureClass, code: "hubspot_unreachable", message: "HubSpot \(operation): \(error)")
        }
        guard (200...299).contains(response.status) else {
            throw Self.error(operation: operation, response: response)
        }
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw ConnectorError.system("hubspot_invalid_response", "HubSpot \(operation): the response is not JSON (\(error))")
        }
    }

    /// Makes the error for a non-2xx response, classified by status.
    static func error(operation: String, response: HTTPResponse) -> ConnectorError {
        let message = (try? JSONParser.parse(response.body))?["message"]?.stringValue ?? String(response.bodyText.prefix(200))
        let (failureClass, code, hint): (FailureClass, String, String?) = switch response.status {
        case 401: (.configuration, "hubspot_authentication_failed", "check the connection's \"access_token\" secret")
        case 403: (.configuration, "hubspot_permission_denied", "grant the app the crm.objects.deals.read, companies, contacts and line_items read scopes")
        case 404: (.business, "hubspot_not_found", "the deal or an associated object was deleted in HubSpot")
        case 429, 500...599: (.transient, "hubspot_unavailable", nil)
        default: (.system, "hubspot_invalid_request", "report this with the target message")
        }
        var error = ConnectorError(failureClass, code: code, message: "HubSpot \(operation): HTTP \(response.status)", hint: hint, targetMessage: message)
        error.retryAfterSeconds = response.headers["Retry-After"].flatMap { Int($0) }
        return error
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~,"))) ?? text
    }
}
