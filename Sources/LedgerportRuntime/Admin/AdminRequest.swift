import Foundation
import LedgerportHTTPServer
import LedgerportSDK
import LedgerportStore

/// One authenticated admin API request: the HTTP request, the token that signed it, on tenant routes the tenant, and the checked body.
struct AdminRequest: Sendable {
    /// The default and maximum page sizes of listings.
    static let defaultLimit = 50
    static let maximumLimit = 500

    let http: HTTPServerRequest
    let token: APIToken
    /// The tenant of a `/admin/tenants/{tenant}/...` route, already checked against the token's scope.
    let tenant: Tenant?
    /// The body as a JSON object, already checked against the route's ``AdminRequestShape``; `{}` for an empty body.
    let body: JSONObject

    /// Checks the query and the body of `http` against `shape` and parses the body.
    ///
    /// - Throws: ``AdminError`` 400 `invalid_query` for an unknown or repeated
    ///   query argument, `invalid_json` for a body that is not a JSON object,
    ///   and `invalid_input` for an unknown body member or one of the wrong type.
    init(http: HTTPServerRequest, token: APIToken, tenant: Tenant?, shape: AdminRequestShape) throws(AdminError) {
        try shape.checkQuery(http.query)
        let body = try Self.parseBody(http.body)
        try shape.checkBody(body)
        self.http = http
        self.token = token
        self.tenant = tenant
        self.body = body
    }

    /// The audit actor and change-request reviewer: the token's name, trimmed and lowercased as ``ActorIdentity`` normalizes it.
    var actor: String {
        ActorIdentity.normalized(token.name)
    }

    /// The tenant of a tenant route; traps on a platform route, a programmer error.
    var scopedTenant: Tenant {
        guard let tenant else {
            preconditionFailure("a platform route asked for its tenant")
        }
        return tenant
    }

    func pathParameter(_ name: String) -> String {
        guard let value = http.pathParameters[name] else {
            preconditionFailure("route has no {\(name)} segment")
        }
        return value
    }

    /// Reads an integer id from the path, such as `{dead_letter}`.
    func integerPathParameter(_ name: String) throws(AdminError) -> Int64 {
        let text = pathParameter(name)
        guard let value = Int64(text), value > 0 else {
            throw .badRequest("invalid_id", "path segment \(name) \"\(text)\" is not a positive integer id; use an id from the listing")
        }
        return value
    }

    func query(_ name: String) -> String? {
        http.queryValue(named: name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads the `limit` query argument, from 1 to ``maximumLimit``, or returns ``defaultLimit`` when it is absent.
    func limit() throws(AdminError) -> Int {
        guard let text = query("limit") else {
            return Self.defaultLimit
        }
        guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
            throw .badRequest("invalid_query", "limit \"\(text)\" must be an integer from 1 to \(Self.maximumLimit)")
        }
        return value
    }

    /// Reads the `after` cursor: the last id of the previous page.
    func after() throws(AdminError) -> Int64? {
        guard let text = query("after") else {
            return nil
        }
        guard let value = Int64(text), value >= 0 else {
            throw .badRequest("invalid_query", "after \"\(text)\" must be an id from a previous page's next_after")
        }
        return value
    }

    /// Reads a query argument as one of an enumeration's raw values.
    func enumQuery<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type) throws(AdminError) -> Value?
    where Value.RawValue == String {
        guard let text = query(name) else {
            return nil
        }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badRequest("invalid_query", "\(name) \"\(text)\" is not one of \(allowed)")
        }
        return value
    }

    /// Reads an ISO 8601 timestamp such as `2026-03-01T00:00:00Z` from the query.
    func timestampQuery(_ name: String) throws(AdminError) -> Date? {
        guard let text = query(name) else {
            return nil
        }
        guard let date = AdminRequest.parseTimestamp(text) else {
            throw .badRequest("invalid_query", "\(name) \"\(text)\" is not an ISO 8601 time; write it as 2026-03-01T00:00:00Z")
        }
        return date
    }

    /// Parses the body as a JSON object; an empty body reads as `{}`.
    private static func parseBody(_ bytes: [UInt8]) throws(AdminError) -> JSONObject {
        guard !bytes.isEmpty else {
            return [:]
        }
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .badRequest("invalid_json", "the request body is not valid JSON at line \(error.line), column \(error.column); send a JSON object")
        }
        guard let object = value.objectValue else {
            throw .badRequest("invalid_json", "the request body is a JSON \(value.typeName); send a JSON object")
        }
        return object
    }

    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) {
            return date
        }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
