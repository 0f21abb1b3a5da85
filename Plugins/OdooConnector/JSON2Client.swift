import LedgerportSDK

/// Odoo's JSON-2 API (`POST /json/2/<model>/<method>`), available from Odoo 19.
///
/// Each call is one transaction authenticated by `Authorization: bearer
/// <API key>`, and always names the database in `X-Odoo-Database`, because a
/// server with several databases returns an HTML 404 to a call without it.
/// The body is one object of named arguments plus optional `ids` and
/// `context`; the result is the bare JSON value (`create` always returns a
/// list; `None` is `null`). Errors carry an HTTP status per class and a
/// `{name, message, arguments, context, debug}` body.
struct JSON2Client: Sendable {
    var exchange: OdooHTTPExchange
    var baseURL: String
    var database: String
    var apiKey: Secret

    /// Runs `call` and returns its JSON result.
    func execute(_ call: OdooCall) async throws(OdooRemoteError) -> JSONValue {
        let url = "\(baseURL)/json/2/\(call.model)/\(call.method)"
        let headers = [("Authorization", "bearer \(apiKey.revealText())"), ("X-Odoo-Database", database)]
        let response = try await exchange.postJSON(url: url, body: Self.body(of: call), headers: headers)
        return try Self.result(of: response)
    }

    /// The named-argument body of `call`.
    static func body(of call: OdooCall) -> JSONValue {
        var members = call.options
        for argument in call.arguments {
            members[argument.name] = argument.value
        }
        if let ids = call.ids {
            members["ids"] = jsonIDs(ids)
        }
        if !call.context.isEmpty {
            members["context"] = .object(call.context)
        }
        return .object(members)
    }

    /// Reads a JSON-2 response: the body on 2xx, otherwise the error body or the bare status.
    static func result(of response: HTTPResponse) throws(OdooRemoteError) -> JSONValue {
        if (200..<300).contains(response.status) {
            guard let body = OdooHTTPExchange.jsonBody(response) else {
                // An empty 2xx body cannot come from JSON-2, which writes `null` for None.
                throw OdooRemoteError(origin: .malformedResponse, httpStatus: response.status, message: "JSON-2 returned HTTP \(response.status) with a body that is not JSON")
            }
            return body
        }
        if let body = OdooHTTPExchange.jsonBody(response), let name = body["name"]?.stringValue {
            throw OdooRemoteError(
                origin: .exception(name: name), httpStatus: response.status,
                message: body["message"]?.stringValue ?? "no message", retryAfterSeconds: OdooHTTPExchange.retryAfter(response)
            )
        }
        throw OdooHTTPExchange.statusError(response)
    }
}
