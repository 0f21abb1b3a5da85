import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// `load()`: the upsert by external id the connector relies on, and its line-appending trap on invoices.
@Suite struct LoadTests {
    let partnerLoad = #"[["id", "name", "email"], [["ledgerport_acme.stripe_customer_cus_1", "Anna Schmidt", "anna@example.com"]]]"#

    @Test func partnerLoadedTwice_isOneRecordUpdated() throws {
        let harness = try SandboxHarness()
        let first = try harness.call("res.partner", "load", partnerLoad)
        let second = try harness.call("res.partner", "load", #"[["id", "name", "email"], [["ledgerport_acme.stripe_customer_cus_1", "Anna Schmidt", "anna.new@example.com"]]]"#)

        #expect(first["ids"] == second["ids"])
        #expect(first["messages"] == [])
        #expect(try harness.call("res.partner", "search_count", #"[[["name", "=", "Anna Schmidt"]]]"#) == 1)
        let id = try #require(first["ids"]?[0]?.intValue)
        #expect(try harness.read("res.partner", id, ["email"])["email"] == "anna.new@example.com")
        #expect(try harness.call("res.partner", "get_external_id", "[[\(id)]]")[String(id)] == "ledgerport_acme.stripe_customer_cus_1")
    }

    @Test func billingUser_loadsByExternalIDButCannotReadExternalIDs() throws {
        let harness = try SandboxHarness()
        let user = try harness.call("res.users", "create", #"[{"name": "Billing", "login": "billing", "password": "billing-pass", "groups_id": [[6, 0, [1, 26, 9]]]}]"#).intValue!

        let loaded = harness.executeKW("res.partner", "load", json(partnerLoad).arrayValue!, uid: user, secret: "billing-pass")
        let again = harness.executeKW("res.partner", "load", json(partnerLoad).arrayValue!, uid: user, secret: "billing-pass")
        let denied = harness.failure("ir.model.data", "search_read", #"[[["module", "=", "ledgerport_acme"]]]"#, uid: user, secret: "billing-pass")

        #expect(loaded["result"]?["ids"]?.arrayValue?.count == 1)
        #expect(loaded["result"]?["ids"] == again["result"]?["ids"])
        #expect(denied.name == "odoo.exceptions.AccessError")
        #expect(denied.message.contains("Administration/Access Rights"))
    }

    @Test func limitedUser_loadReportsAccessErrorInMessages() throws {
        let harness = try SandboxHarness(version: .v19)
        _ = try harness.call("res.users", "create", #"[{"name": "Limited", "login": "limited", "password": "limited-pass", "group_ids": [[6, 0, [1]]]}]"#)
        let uid = try harness.call("res.users", "search", #"[[["login", "=", "limited"]]]"#)[0]!.intValue!

        let result = harness.executeKW("res.partner", "load", json(partnerLoad).arrayValue!, uid: uid, secret: "limited-pass")["result"]

        #expect(result?["ids"] == false)
        #expect(result?["messages"]?[0]?["message"]?.stringValue?.hasPrefix("You are not allowed to create 'Contact' (res.partner) records.") == true)
        #expect(try harness.call("res.partner", "search_count", #"[[["name", "=", "Anna Schmidt"]]]"#) == 0)
    }

    @Test func invoiceLoadedTwice_appendsItsLinesAgain() throws {
        let harness = try SandboxHarness()
        _ = try harness.call("res.partner", "load", partnerLoad)
        let rows = #"""
            [["id", "partner_id/id", "move_type", "invoice_line_ids/name", "invoice_line_ids/quantity", "invoice_line_ids/price_unit"],
             [["ledgerport_acme.stripe_invoice_in_1", "ledgerport_acme.stripe_customer_cus_1", "out_invoice", "Pro Plan", "1", "49.00"],
              ["", "", "", "API overage", "3", "2.50"]]]
            """#
        let first = try harness.call("account.move", "load", rows)
        let invoice = try #require(first["ids"]?[0]?.intValue)
        #expect(try harness.read("account.move", invoice, ["amount_total"])["amount_total"]?.decimalText == "56.5")

        let second = try harness.call("account.move", "load", rows)
        let afterSecond = try harness.read("account.move", invoice, ["invoice_line_ids", "amount_total"])
        #expect(second["ids"] == first["ids"])
        #expect(afterSecond["invoice_line_ids"]?.arrayValue?.count == 4)
        #expect(afterSecond["amount_total"]?.decimalText == "113")

        try harness.post(invoice)
        _ = try harness.call("account.move", "load", rows)
        let afterPostedLoad = try harness.read("account.move", invoice, ["state", "invoice_line_ids", "amount_total"])
        #expect(afterPostedLoad["state"] == "posted")
        #expect(afterPostedLoad["invoice_line_ids"]?.arrayValue?.count == 6)
        #expect(afterPostedLoad["amount_total"]?.decimalText == "169.5")
    }

    @Test func invoiceLinesWithExternalIDs_areUpdatedInPlace() throws {
        let harness = try SandboxHarness()
        _ = try harness.call("res.partner", "load", partnerLoad)
        func rows(price: String) -> String {
            """
            [["id", "partner_id/id", "move_type", "invoice_line_ids/id", "invoice_line_ids/name", "invoice_line_ids/quantity", "invoice_line_ids/price_unit"],
             [["ledgerport_acme.stripe_invoice_in_2", "ledgerport_acme.stripe_customer_cus_1", "out_invoice", "ledgerport_acme.line_a", "Pro Plan", "1", "\(price)"],
              ["", "", "", "ledgerport_acme.line_b", "API overage", "3", "2.50"]]]
            """
        }
        let invoice = try #require(try harness.call("account.move", "load", rows(price: "49.00"))["ids"]?[0]?.intValue)
        let linesBefore = try harness.read("account.move", invoice, ["invoice_line_ids"])["invoice_line_ids"]

        _ = try harness.call("account.move", "load", rows(price: "59.00"))
        let after = try harness.read("account.move", invoice, ["invoice_line_ids", "amount_total"])

        #expect(after["invoice_line_ids"] == linesBefore)
        #expect(after["amount_total"]?.decimalText == "66.5")
    }

    @Test func loadWithUnknownCountryName_returnsMessageAndCreatesNothing() throws {
        let harness = try SandboxHarness()
        let result = try harness.call("res.partner", "load", #"[["id", "name", "country_id"], [["x.bad", "Bad Country Co", "Atlantis"]]]"#)

        #expect(result["ids"] == false)
        #expect(result["messages"]?[0]?["message"] == "No matching record found for name 'Atlantis' in field 'Country'")
        #expect(result["messages"]?[0]?["field"] == "country_id")
        #expect(try harness.call("res.partner", "search_count", #"[[["name", "=", "Bad Country Co"]]]"#) == 0)
    }
}
