import LedgerportSDK
import Testing
@testable import OdooConnector

/// Requests match the recorded shapes of Odoo's JSON-RPC and JSON-2 APIs.
struct ProtocolShapeTests {
    @Test func executeKW_matchesRecordedArguments() throws {
        let recording = try Recording("odoo17/11_apikey_execute_kw_with_key")
        let call = OdooCall.searchRead("res.partner", domain: [domainLeaf("id", "=", 7)], fields: ["name"])
        let arguments = JSONRPCClient.executeArguments(call, database: "revops", uid: 2, secret: Secret("<API-KEY-40-hex-chars-redacted>"))

        #expect(JSONValue.array(arguments) == recording.requestBody?["params"]?["args"])
    }

    @Test func executeKW_passesIDsFirstForRecordMethods() throws {
        let recording = try Recording("odoo17/05_action_post_jsonrpc")
        let arguments = JSONRPCClient.executeArguments(.action("account.move", "action_post", ids: [1]), database: "revops", uid: 2, secret: Secret("admin"))

        #expect(JSONValue.array(arguments) == recording.requestBody?["params"]?["args"])
    }

    @Test func executeKW_sendsContextAsKeyword() throws {
        let recording = try Recording("odoo17/06_create_account_payment_register")
        let call = OdooCall(
            model: "account.payment.register", method: "create",
            arguments: [.init(name: "vals_list", value: ["journal_id": 6, "payment_date": "2026-12-04", "communication": "ch_3OaBcD2eZvKYlo2C"])],
            context: ["active_model": "account.move", "active_ids": [1]]
        )
        let arguments = JSONRPCClient.executeArguments(call, database: "revops", uid: 2, secret: Secret("admin"))

        #expect(JSONValue.array(arguments) == recording.requestBody?["params"]?["args"])
    }

    @Test func json2Body_usesNamedArguments() throws {
        let create = try Recording("odoo19/03_create_res_partner_single_dict")
        let call = OdooCall(model: "res.partner", method: "create", arguments: [.init(name: "vals_list", value: try #require(create.requestBody?["vals_list"]))])
        #expect(JSON2Client.body(of: call) == create.requestBody)

        let post = try Recording("odoo19/06_action_post")
        #expect(JSON2Client.body(of: .action("account.move", "action_post", ids: [1])) == post.requestBody)

        let load = try Recording("odoo19/04_load_upsert_create")
        let rows = [["revops_sync.stripe_customer_cus_LOAD1", "Load Co", "cus_LOAD1", "ap@load.example"]]
        #expect(JSON2Client.body(of: .load("res.partner", fields: ["id", "name", "ref", "email"], rows: rows)) == load.requestBody)

        let taxes = try Recording("odoo19/02_search_read_account_tax")
        let search = OdooCall.searchRead("account.tax", domain: [domainLeaf("type_tax_use", "=", "sale")], fields: ["name", "amount", "amount_type", "price_include"], order: "id")
        #expect(JSON2Client.body(of: search) == taxes.requestBody)
    }

    @Test func json2Request_sendsBearerKeyAndDatabaseHeader() async throws {
        let odoo = ScriptedOdoo()
        odoo.version = ["server_version": "19.0", "server_version_info": [19, 0, 0, "final", 0, ""], "server_serie": "19.0", "protocol_version": 1]
        odoo.on("account.move", "action_post") { _ in HTTPResponse(status: 200, body: Array("false".utf8)) }
        let session = OdooSession(settings: try OdooSettings(TestConnection.configuration()), transport: odoo, logger: .disabled)

        _ = try await session.execute(.action("account.move", "action_post", ids: [1]), operation: "post")

        let request = try #require(odoo.requests.last)
        #expect(request.url == "http://127.0.0.1:8069/json/2/account.move/action_post")
        #expect(request.headers["Authorization"] == "bearer \(TestConnection.apiKey)")
        #expect(request.headers["X-Odoo-Database"] == "revops")
        #expect(request.connectTimeoutSeconds == 5)
        #expect(request.totalTimeoutSeconds == 120)
    }
}
