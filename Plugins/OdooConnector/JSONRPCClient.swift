import LedgerportSDK

/// Odoo's JSON-RPC endpoint (`POST /jsonrpc`), used for Odoo 16 to 18 and for asking any server its version.
///
/// Model calls go through `object.execute_kw(db, uid, secret, model, method,
/// args, kwargs)`. Odoo checks the credential on every call, so the uid is
/// the only state, and ``OdooSession`` caches it. Errors arrive as HTTP 200
/// with an `error` envelope whose `data.name` is the exception name. A
/// method that returns `None` yields a response with neither `result` nor
/// `error`, which is a success with a null result.
struct JSONRPCClient: Sendable {
    var exchange: OdooHTTPExchange
    var baseURL: String
    var database: String

    private var endpoint: String { baseURL + "/jsonrpc" }

    /// Calls `service.method(*args)`, such as `common.version()`.
    func callService(_ service: String, _ method: String, args: [JSONValue]) async throws(OdooRemoteError) -> JSONValue {
        let body: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": ["service": .string(service), "method": .string(method), "args": .array(args)],
        ]
        let response = try await exchange.postJSON(url: endpoint, body: body)
        return try Self.result(of: response)
    }

    /// Runs `call` as `object.execute_kw` for user `uid`.
    func execute(_ call: OdooCall, uid: Int64, secret: Secret) async throws(OdooRemoteError) -> JSONValue {
        try await callService("object", "execute_kw", args: Self.executeArguments(call, database: database, uid: uid, secret: secret))
    }

    /// The `execute_kw` argument list: ids first for record methods, then the positional arguments, then keywords with the context.
    static func executeArguments(_ call: OdooCall, database: String, uid: Int64, secret: Secret) -> [JSONValue] {
        var positional = [JSONValue]()
        if let ids = call.ids {
            positional.append(jsonIDs(ids))
        }
        positional.append(contentsOf: call.arguments.map(\.value))

        var arguments: [JSONValue] = [
            .string(database), .number(JSONNumber(uid)), .string(secret.revealText()),
            .string(call.model), .string(call.method), .array(positional),
        ]
        var keywords = call.options
        if !call.context.isEmpty {
            keywords["context"] = .object(call.context)
        }
        if !keywords.isEmpty {
            arguments.append(.object(keywords))
        }
        return arguments
    }

    /// Reads a JSON-RPC response: the `result`, null when absent, or the `error` envelope as an ``OdooRemoteError``.
    static func result(of response: HTTPResponse) throws(OdooRemoteError) -> JSONValue {
        guard response.status == 200, let body = OdooHTTPExchange.jsonBody(response), let envelope = body.objectValue else {
            throw OdooHTTPExchange.statusError(response)
        }
        if let error = envelope["error"] {
            let data = error["data"]
            let name = data?["name"]?.stringValue ?? "unknown"
            let message = data?["message"]?.stringValue ?? error["message"]?.stringValue ?? "no message"
            throw OdooRemoteError(origin: .exception(name: name), httpStatus: response.status, message: message)
        }
        // A method that returns None produces no result key: the call succeeded.
        return envelope["result"] ?? .null
    }
}
