import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// The JSON-2 API of the 19.0 sandbox: bearer keys, named arguments, bare results, and an HTTP status per error class.
@Suite struct JSON2Tests {
    @Test func create_returnsIDListAndMethodsReturningNoneAnswerNull() throws {
        let harness = try SandboxHarness(version: .v19)
        let created = harness.json2("res.partner", "create", ["vals_list": ["name": "Acme Corp"]])
        let archived = harness.json2("res.partner", "action_archive", ["ids": created.body])

        #expect(created.status == 200)
        #expect(created.body.arrayValue?.count == 1)
        #expect(archived.status == 200)
        #expect(archived.body == .null)
    }

    @Test func errorClasses_haveRecordedStatuses() throws {
        let harness = try SandboxHarness(version: .v19)
        let partner = harness.json2("res.partner", "create", ["vals_list": [["name": "Acme Corp"]]]).body[0]!
        let emptyInvoice = harness.json2("account.move", "create", ["vals_list": [["move_type": "out_invoice", "partner_id": partner]]]).body

        let cases: [(String, (status: Int, body: JSONValue), Int, String)] = [
            ("bad key", harness.json2("res.partner", "search_count", ["domain": []], key: "0000"), 401, "werkzeug.exceptions.Unauthorized"),
            ("unknown model", harness.json2("res.partnerx", "search_count", ["domain": []]), 404, "werkzeug.exceptions.NotFound"),
            ("unknown method", harness.json2("res.partner", "no_such_method", ["ids": [partner]]), 404, "werkzeug.exceptions.NotFound"),
            ("missing record", harness.json2("res.partner", "write", ["ids": [999_999], "vals": ["name": "x"]]), 404, "odoo.exceptions.MissingError"),
            ("private method", harness.json2("res.partner", "_compute_display_name", ["ids": [partner]]), 403, "odoo.exceptions.AccessError"),
            ("user error", harness.json2("account.move", "action_post", ["ids": emptyInvoice]), 422, "odoo.exceptions.UserError"),
            ("validation error", harness.json2("res.partner", "create", ["vals_list": [["email": "x@example.com"]]]), 422, "odoo.exceptions.ValidationError"),
            ("missing argument", harness.json2("res.partner", "search_count", [:]), 422, "werkzeug.exceptions.UnprocessableEntity"),
            ("ids on a model method", harness.json2("res.partner", "create", ["ids": [partner], "vals_list": [["name": "X"]]]), 422, "werkzeug.exceptions.UnprocessableEntity"),
            ("unknown field", harness.json2("res.partner", "read", ["ids": [partner], "fields": ["no_such_field"]]), 500, "builtins.ValueError"),
        ]
        for (label, response, status, name) in cases {
            #expect(response.status == status, "\(label)")
            #expect(response.body["name"]?.stringValue == name, "\(label)")
        }
    }

    @Test func missingOrBasicAuthorization_isRejectedWithBearerChallenge() throws {
        let harness = try SandboxHarness(version: .v19)
        let missing = harness.send("POST", "/json/2/res.partner/search_count", headers: [("Content-Type", "application/json")], body: Array(#"{"domain": []}"#.utf8))
        let basic = harness.send(
            "POST", "/json/2/res.partner/search_count", headers: [("Content-Type", "application/json"), ("Authorization", "Basic \(harness.apiKey)")],
            body: Array(#"{"domain": []}"#.utf8)
        )
        let capitalised = harness.send(
            "POST", "/json/2/res.partner/search_count", headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(harness.apiKey)")],
            body: Array(#"{"domain": []}"#.utf8)
        )

        #expect(missing.status == 401)
        #expect(missing.header("WWW-Authenticate") == "Bearer ")
        #expect(basic.status == 401)
        #expect(capitalised.status == 200)
    }

    @Test func malformedJSON_isBadRequestAndPlainTextIsUnsupported() throws {
        let harness = try SandboxHarness(version: .v19)
        let malformed = harness.send(
            "POST", "/json/2/res.partner/search_count", headers: [("Content-Type", "application/json"), ("Authorization", "bearer \(harness.apiKey)")],
            body: Array(#"{"domain": [}"#.utf8)
        )
        let plainText = harness.send(
            "POST", "/json/2/res.partner/search_count", headers: [("Content-Type", "text/plain"), ("Authorization", "bearer \(harness.apiKey)")],
            body: Array(#"{"domain": []}"#.utf8)
        )
        #expect(malformed.status == 400)
        #expect(plainText.status == 415)
        #expect(plainText.header("Content-Type") == "text/html; charset=utf-8")
    }

    @Test func secondDatabase_requiresDatabaseHeader() throws {
        let harness = try SandboxHarness(version: .v19)
        #expect(harness.json2("res.partner", "search_count", ["domain": []]).status == 200)

        try harness.sandbox.createDatabase(named: "other")
        let withoutHeader = harness.send(
            "POST", "/json/2/res.partner/search_count", headers: [("Content-Type", "application/json"), ("Authorization", "bearer \(harness.apiKey)")],
            body: Array(#"{"domain": []}"#.utf8)
        )
        let withHeader = harness.json2("res.partner", "search_count", ["domain": []], headers: [("X-Odoo-Database", harness.databaseName)])
        let unknown = harness.json2("res.partner", "search_count", ["domain": []], headers: [("X-Odoo-Database", "no_such_db")])

        #expect(withoutHeader.status == 404)
        #expect(withoutHeader.header("Content-Type") == "text/html; charset=utf-8")
        #expect(withHeader.status == 200)
        #expect(unknown.status == 404)
    }

    @Test func version17_hasNoJSON2() throws {
        let harness = try SandboxHarness(version: .v17)
        #expect(harness.json2("res.partner", "search_count", ["domain": []]).status == 404)
        #expect(harness.send("GET", "/json/version").status == 404)
        #expect(harness.send("GET", "/web/version").status == 200)
    }
}
