import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// JSON-RPC behaviour clients classify on: envelopes, credentials and the missing `result` of `None`.
@Suite struct JSONRPCTests {
    @Test func methodReturningNone_hasNoResultKey() throws {
        let harness = try SandboxHarness()
        let partner = try harness.createPartner()
        let envelope = harness.executeKW("res.partner", "action_archive", [.ids([partner])])

        #expect(envelope["result"] == nil)
        #expect(envelope["error"] == nil)
        #expect(try harness.read("res.partner", partner, ["active"])["active"] == false)
    }

    @Test func wrongPassword_isAccessDeniedWithRecordedEnvelope() throws {
        let harness = try SandboxHarness()
        let envelope = harness.executeKW("res.partner", "search_count", [[]], secret: "wrong-password")

        #expect(envelope["error"]?["code"] == 200)
        #expect(envelope["error"]?["message"] == "Odoo Server Error")
        #expect(envelope["error"]?["data"]?["name"] == "odoo.exceptions.AccessDenied")
        #expect(envelope["error"]?["data"]?["message"] == "Access Denied")
    }

    @Test func errorCode_isZeroOnVersion19() throws {
        let harness = try SandboxHarness(version: .v19)
        #expect(harness.executeKW("res.partner", "search_count", [[]], secret: "wrong")["error"]?["code"] == 0)
    }

    @Test func apiKey_worksWhereverPasswordDoes() throws {
        let harness = try SandboxHarness()
        let authenticated = harness.jsonRPC(service: "common", method: "authenticate", args: ["sandbox", "admin", .string(harness.apiKey), [:]])
        let counted = harness.executeKW("res.partner", "search_count", [[]], secret: harness.apiKey)

        #expect(authenticated["result"] == 2)
        #expect(counted["result"]?.intValue != nil)
    }

    @Test func wrongPasswordAtAuthenticate_isFalseNotError() throws {
        let harness = try SandboxHarness()
        let envelope = harness.jsonRPC(service: "common", method: "authenticate", args: ["sandbox", "admin", "wrong", [:]])
        #expect(envelope["result"] == false)
    }

    @Test func createWithDictOrList_returnsIDOrIDList() throws {
        let harness = try SandboxHarness()
        #expect(try harness.call("res.partner", "create", #"[{"name": "One"}]"#).intValue != nil)
        #expect(try harness.call("res.partner", "create", #"[[{"name": "Two"}]]"#).arrayValue?.count == 1)
    }

    @Test func batchWithOneBadRow_createsNothing() throws {
        let harness = try SandboxHarness()
        let failure = harness.failure("res.partner", "create", #"[[{"name": "Batch A"}, {"email": "noname@example.com"}, {"name": "Batch C"}]]"#)

        #expect(failure.name == "odoo.exceptions.ValidationError")
        #expect(failure.message == "The operation cannot be completed: Contacts require a name")
        #expect(try harness.call("res.partner", "search_count", #"[[["name", "in", ["Batch A", "Batch C"]]]]"#) == 0)
    }

    @Test func malformedBody_isHTTP400PlainText() throws {
        let harness = try SandboxHarness()
        let response = harness.send("POST", "/jsonrpc", headers: [("Content-Type", "application/json")], body: Array("{not json".utf8))
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self) == "Invalid JSON data")
    }

    @Test func injectedSerializationFailure_isReturnedOnceAndChangesNothing() throws {
        let harness = try SandboxHarness()
        let partner = try harness.createPartner()
        harness.sandbox.injectFault(
            OdooFault(.serializationFailure, "could not serialize access due to concurrent update\n"), model: "res.partner", method: "write"
        )

        let failed = harness.failure("res.partner", "write", "[[\(partner)], {\"phone\": \"1\"}]")
        let retried = try harness.call("res.partner", "write", "[[\(partner)], {\"phone\": \"2\"}]")

        #expect(failed.name == "psycopg2.errors.SerializationFailure")
        #expect(retried == true)
        #expect(try harness.read("res.partner", partner, ["phone"])["phone"] == "2")
    }
}
