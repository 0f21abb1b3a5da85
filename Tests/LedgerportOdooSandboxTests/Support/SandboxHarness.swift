import Foundation
import LedgerportOdooSandbox
import LedgerportSDK

/// A sandbox with an in-memory store and a fixed clock, and helpers to call it the way clients do.
final class SandboxHarness {
    let sandbox: OdooSandbox
    let clock: ManualClock
    let apiKey: String
    private var nextRequestID: Int64 = 1

    /// 2026-12-04 12:00:00 UTC, the day the reference recordings were made.
    static let recordingDay = Date(timeIntervalSince1970: 1_796_385_600)

    init(version: OdooVersion = .v17, initialData: InitialData = .standard, databaseName: String = "sandbox", installsAPIKey: Bool = true) throws {
        clock = ManualClock(Self.recordingDay)
        var configuration = SandboxConfiguration()
        configuration.version = version
        configuration.initialData = initialData
        configuration.databaseName = databaseName
        configuration.clock = clock
        configuration.installsAdminAPIKey = installsAPIKey
        sandbox = try OdooSandbox(configuration: configuration, store: InMemorySandboxStore())
        apiKey = sandbox.startupAPIKey?.revealText() ?? ""
    }

    var databaseName: String { sandbox.configuration.databaseName }

    /// Sends a raw request.
    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) -> SandboxResponse {
        sandbox.handle(SandboxRequest(method: method, path: path, headers: HTTPHeaders(headers.map { ($0.0, $0.1) }), body: body))
    }

    /// Sends a JSON-RPC call and returns the whole response envelope.
    func jsonRPC(service: String, method: String, args: [JSONValue]) -> JSONValue {
        let envelope: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": .number(JSONNumber(nextRequestID)),
            "params": ["service": .string(service), "method": .string(method), "args": .array(args)],
        ]
        nextRequestID += 1
        let response = send("POST", "/jsonrpc", headers: [("Content-Type", "application/json")], body: JSONWriter.bytes(envelope))
        return (try? JSONParser.parse(response.body)) ?? .null
    }

    /// Calls `execute_kw` as admin (or `uid` with `secret`) and returns the envelope.
    func executeKW(
        _ model: String, _ method: String, _ args: [JSONValue], _ kwargs: JSONObject = [:], uid: Int = 2, secret: String = "admin"
    ) -> JSONValue {
        jsonRPC(
            service: "object", method: "execute_kw",
            args: [.string(databaseName), .number(JSONNumber(uid)), .string(secret), .string(model), .string(method), .array(args), .object(kwargs)]
        )
    }

    /// Calls `execute_kw` and returns `result`, failing the caller when the call raised.
    func call(_ model: String, _ method: String, _ args: [JSONValue], _ kwargs: JSONObject = [:]) throws -> JSONValue {
        let envelope = executeKW(model, method, args, kwargs)
        if let error = envelope["error"] {
            throw HarnessError.odoo(error["data"]?["name"]?.stringValue ?? "", error["data"]?["message"]?.stringValue ?? "")
        }
        return envelope["result"] ?? .null
    }

    /// Sends a JSON-2 call with the admin key (or `key`) and returns status and parsed body.
    func json2(_ model: String, _ method: String, _ body: JSONValue, key: String? = nil, headers: [(String, String)] = []) -> (status: Int, body: JSONValue) {
        let response = send(
            "POST", "/json/2/\(model)/\(method)",
            headers: [("Content-Type", "application/json; charset=utf-8"), ("Authorization", "bearer \(key ?? apiKey)")] + headers,
            body: JSONWriter.bytes(body)
        )
        return (response.status, (try? JSONParser.parse(response.body)) ?? .string(String(decoding: response.body, as: UTF8.self)))
    }

    /// Calls `execute_kw` with arguments written as JSON text: `call("res.partner", "create", #"[{"name": "Acme"}]"#)`.
    func call(_ model: String, _ method: String, _ args: String, _ kwargs: String = "{}") throws -> JSONValue {
        try call(model, method, json(args).arrayValue!, json(kwargs).objectValue!)
    }

    /// Reads one record's fields as admin.
    func read(_ model: String, _ id: Int, _ fields: [String]) throws -> JSONValue {
        let records = try call(model, "read", [.ids([id])], ["fields": .array(fields.map { .string($0) })])
        return records[0] ?? .null
    }
}

/// Parses JSON text written in a test; a syntax error is a mistake in the test.
func json(_ text: String) -> JSONValue {
    do {
        return try JSONParser.parse(text)
    } catch {
        preconditionFailure("invalid JSON in a test: \(error)")
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case odoo(String, String)

    var description: String {
        switch self {
        case .odoo(let name, let message): "\(name): \(message)"
        }
    }
}

extension JSONValue {
    static func ids(_ values: [Int]) -> JSONValue {
        .array(values.map { .number(JSONNumber($0)) })
    }

    /// The value as a decimal string for exact comparisons of amounts (`63.1`, `0`).
    var decimalText: String {
        numberValue?.description ?? description
    }
}
