import Foundation
import LedgerportSDK

/// An HTTP transport double that responds to Odoo calls from a script and keeps every request.
///
/// Handlers receive the decoded call (JSON-RPC `execute_kw` or JSON-2) and
/// return a response; the helpers build responses in exactly the shapes the
/// recordings show (the JSON-RPC envelope without `result` for None, error
/// envelopes copied from recorded files).
final class ScriptedOdoo: HTTPTransport, @unchecked Sendable {
    /// A decoded model call as the server receives it.
    struct Call {
        var model: String
        var method: String
        /// JSON-RPC positional arguments after model and method, or the JSON-2 body.
        var arguments: JSONValue
        var keywords: JSONValue?
        var request: HTTPRequest
    }

    typealias Handler = (Call) -> HTTPResponse

    private let lock = NSLock()
    private var handlers: [(model: String, method: String, handler: Handler)] = []
    private var sent: [HTTPRequest] = []
    var version: JSONValue = ["server_version": "17.0", "server_version_info": [17, 0, 0, "final", 0, ""], "server_serie": "17.0", "protocol_version": 1]
    var uid: Int64 = 2

    /// Handles calls of `model.method` (`*` matches any model) with `handler`; later registrations win.
    func on(_ model: String, _ method: String, _ handler: @escaping Handler) {
        lock.withLock { handlers.insert((model, method, handler), at: 0) }
    }

    var requests: [HTTPRequest] {
        lock.withLock { sent }
    }

    /// The model calls sent so far, in order, without the version and authentication calls.
    var calls: [Call] {
        requests.compactMap(Self.decode)
    }

    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        lock.withLock { sent.append(request) }
        let body = (try? JSONParser.parse(request.body)) ?? .null
        if request.url.hasSuffix("/jsonrpc"), body["params"]?["service"]?.stringValue == "common" {
            switch body["params"]?["method"]?.stringValue {
            case "version": return Self.result(version)
            case "authenticate": return Self.result(.number(JSONNumber(uid)))
            default: return Self.result(.null)
            }
        }
        guard let call = Self.decode(request) else {
            return HTTPResponse(status: 404, body: Array("not found".utf8))
        }
        let handler = lock.withLock { handlers.first { ($0.model == "*" || $0.model == call.model) && $0.method == call.method }?.handler }
        let response = handler?(call) ?? Self.exception("builtins.AttributeError", "ScriptedOdoo has no handler for \(call.model).\(call.method)")
        return request.url.hasSuffix("/jsonrpc") ? response : Self.json2(response)
    }

    /// Rewrites a JSON-RPC envelope as a JSON-2 response: the bare result, `null` for None, or the error body under its recorded status.
    static func json2(_ response: HTTPResponse) -> HTTPResponse {
        guard let envelope = try? JSONParser.parse(response.body), envelope["jsonrpc"] != nil else { return response }
        guard let error = envelope["error"]?["data"] else {
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/json; charset=utf-8"], body: JSONWriter.bytes(envelope["result"] ?? .null))
        }
        let name = error["name"]?.stringValue ?? ""
        let status = switch name.split(separator: ".").last ?? "" {
        case "AccessDenied": 401
        case "AccessError": 403
        case "MissingError": 404
        case "UserError", "ValidationError": 422
        default: 500
        }
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: JSONWriter.bytes(error))
    }

    static func decode(_ request: HTTPRequest) -> Call? {
        let body = (try? JSONParser.parse(request.body)) ?? .null
        if request.url.hasSuffix("/jsonrpc") {
            guard body["params"]?["service"]?.stringValue == "object", let args = body["params"]?["args"]?.arrayValue, args.count >= 6,
                let model = args[3].stringValue, let method = args[4].stringValue
            else { return nil }
            return Call(model: model, method: method, arguments: args[5], keywords: args.count > 6 ? args[6] : nil, request: request)
        }
        guard let range = request.url.range(of: "/json/2/") else { return nil }
        let parts = request.url[range.upperBound...].split(separator: "/")
        guard parts.count == 2 else { return nil }
        return Call(model: String(parts[0]), method: String(parts[1]), arguments: body, keywords: nil, request: request)
    }

    /// A JSON-RPC success envelope, as Odoo 17.0 writes it.
    static func result(_ value: JSONValue) -> HTTPResponse {
        envelope(["jsonrpc": "2.0", "id": 1, "result": value])
    }

    /// The JSON-RPC answer of a method that returned None: no result key.
    static func none() -> HTTPResponse {
        envelope(["jsonrpc": "2.0", "id": 1])
    }

    /// A JSON-RPC error envelope with Odoo 17.0's code 200.
    static func exception(_ name: String, _ message: String) -> HTTPResponse {
        envelope([
            "jsonrpc": "2.0", "id": 1,
            "error": ["code": 200, "message": "Odoo Server Error", "data": ["name": .string(name), "message": .string(message), "arguments": [.string(message)], "context": [:]]],
        ])
    }

    /// The recorded response of a fixture, unchanged.
    static func recorded(_ name: String) -> HTTPResponse {
        (try? Recording(name).response) ?? HTTPResponse(status: 599)
    }

    private static func envelope(_ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": "application/json; charset=utf-8", "Connection": "close"], body: JSONWriter.bytes(value))
    }
}

extension ScriptedOdoo.Call {
    private var isJSONRPC: Bool { request.url.hasSuffix("/jsonrpc") }

    /// A required argument: positional over JSON-RPC (after the ids of record methods), named over JSON-2.
    func argument(_ name: String, position: Int) -> JSONValue? {
        isJSONRPC ? arguments[position] : arguments[name]
    }

    /// A keyword argument such as `fields` or `context`.
    func keyword(_ name: String) -> JSONValue? {
        isJSONRPC ? keywords?[name] : arguments[name]
    }

    /// The ids of a record method: the first JSON-RPC positional argument, or the JSON-2 `ids` member.
    var ids: [Int64] {
        let list = request.url.hasSuffix("/jsonrpc") ? arguments[0] : arguments["ids"]
        return (list?.arrayValue ?? []).compactMap(\.int64Value)
    }

    /// The `load` rows.
    var loadRows: [[String]] {
        let data = request.url.hasSuffix("/jsonrpc") ? arguments[1] : arguments["data"]
        return (data?.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
    }

    /// The `load` columns.
    var loadFields: [String] {
        let fields = request.url.hasSuffix("/jsonrpc") ? arguments[0] : arguments["fields"]
        return (fields?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
