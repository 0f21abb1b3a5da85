import Foundation
import LedgerportSDK

/// Calls Odoo's JSON-RPC `execute_kw` as the sandbox's admin, to look at what a test wrote.
struct OdooProbe {
    let url: String
    let database: String
    let transport: any HTTPTransport

    func call(model: String, method: String, arguments: [JSONValue], keywordArguments: JSONObject = [:]) async throws -> JSONValue {
        let request: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": [
                "service": "object", "method": "execute_kw",
                "args": [.string(database), 2, "admin", .string(model), .string(method), .array(arguments), .object(keywordArguments)],
            ],
        ]
        let response = try await transport.send(HTTPRequest(
            method: "POST", url: url + "/jsonrpc", headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(request)
        ))
        let json = try JSONParser.parse(response.body)
        guard let result = json["result"] else {
            throw HarnessError("Odoo \(model).\(method) failed: \(json["error"] ?? .null)")
        }
        return result
    }
}
