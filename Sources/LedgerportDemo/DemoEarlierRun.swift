import LedgerportSDK

/// Finds records that an earlier demo run wrote into an Odoo the demo did not start.
///
/// Each run creates a new tenant, and the Odoo connector keeps each tenant's
/// external ids under a module of its own (`ledgerport_<tenant id>`). So a
/// second run against the same Odoo finds none of the first run's records
/// and posts every partner, invoice and payment of the month again. Before
/// it sends anything, the demo searches Odoo's `ir.model.data` for the
/// external ids it is about to write, under any `ledgerport_` module.
struct DemoEarlierRun: Sendable {
    /// The external id found, such as `ledgerport_3f2a_(...).stripe_invoice_in_1`, and its model.
    struct Found: Sendable, Equatable {
        let qualifiedID: String
        let model: String
    }

    let odoo: OdooEndpoint
    let transport: any HTTPTransport

    /// Returns one record of an earlier run among `expectations`, or nil when Odoo has none of them.
    func find(_ expectations: DemoExpectations) async throws -> Found? {
        let names = Set(expectations.records.map(\.reference.externalID)).sorted()
        guard !names.isEmpty else {
            return nil
        }
        let uid = try await call("common", "authenticate", [.string(odoo.database), .string(odoo.login), .string(odoo.apiKey.revealText()), [:]])
        guard let user = uid.intValue else {
            throw DemoError("log in to Odoo at \(odoo.url) as \"\(odoo.login)\" failed; check --odoo-db, --odoo-login and the API key file")
        }
        let domain: JSONValue = [["module", "=like", "ledgerport_%"], ["name", "in", .array(names.map(JSONValue.string))]]
        let rows = try await call("object", "execute_kw", [
            .string(odoo.database), .number(JSONNumber(user)), .string(odoo.apiKey.revealText()), "ir.model.data", "search_read",
            [domain], ["fields": ["module", "name", "model"], "limit": 1],
        ])
        guard let row = rows.arrayValue?.first, let module = row["module"]?.stringValue, let name = row["name"]?.stringValue else {
            return nil
        }
        return Found(qualifiedID: "\(module).\(name)", model: row["model"]?.stringValue ?? "")
    }

    /// Calls `service.method(*args)` on Odoo's JSON-RPC endpoint and returns the result.
    private func call(_ service: String, _ method: String, _ args: [JSONValue]) async throws -> JSONValue {
        let body: JSONValue = [
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": ["service": .string(service), "method": .string(method), "args": .array(args)],
        ]
        let response = try await transport.send(HTTPRequest(
            method: "POST", url: odoo.url + "/jsonrpc", headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(body)))
        guard response.status == 200, let envelope = try? JSONParser.parse(response.body) else {
            throw DemoError("look for an earlier demo run in Odoo at \(odoo.url) failed with HTTP status \(response.status)")
        }
        if let error = envelope["error"] {
            let message = error["data"]?["message"]?.stringValue ?? error["message"]?.stringValue ?? "no message"
            throw DemoError("look for an earlier demo run in Odoo at \(odoo.url) failed: \(message)")
        }
        return envelope["result"] ?? .null
    }
}
