import LedgerportOdooSandbox
import LedgerportSDK
import Testing

@Suite struct SandboxSmokeTests {
    @Test func invoiceCreatedAndPosted_hasRecordedTotals() throws {
        let harness = try SandboxHarness()
        let partner = try harness.call("res.partner", "create", #"[{"name": "Acme GmbH", "is_company": true}]"#)
        let product = try harness.call(
            "product.product", "create",
            #"[{"name": "Pro Plan (monthly)", "type": "service", "list_price": 49.0, "default_code": "PLAN-PRO-M", "taxes_id": [[6, 0, [1]]]}]"#
        )
        let invoice = try harness.call("account.move", "create", """
            [{"move_type": "out_invoice", "partner_id": \(partner), "currency_id": 1, "invoice_date": "2026-12-04", "ref": "in_1",
              "payment_reference": "in_1", "journal_id": 1,
              "invoice_line_ids": [
                [0, 0, {"product_id": \(product), "name": "Pro Plan", "quantity": 1, "price_unit": 49.0, "tax_ids": [[6, 0, [1]]]}],
                [0, 0, {"name": "API overage", "quantity": 3, "price_unit": 2.5, "tax_ids": [[6, 0, []]], "discount": 10.0}]]}]
            """).intValue!
        let draft = try harness.read("account.move", invoice, ["name", "state", "amount_untaxed", "amount_tax", "amount_total", "amount_residual"])
        #expect(draft["name"] == "INV/2026/00001")
        #expect(draft["amount_untaxed"]?.decimalText == "55.75")
        #expect(draft["amount_tax"]?.decimalText == "7.35")
        #expect(draft["amount_total"]?.decimalText == "63.1")
        #expect(try harness.call("account.move", "action_post", "[[\(invoice)]]") == false)
        let posted = try harness.read("account.move", invoice, ["state", "amount_residual", "payment_state"])
        #expect(posted["state"] == "posted")
        #expect(posted["amount_residual"]?.decimalText == "63.1")
    }
}
