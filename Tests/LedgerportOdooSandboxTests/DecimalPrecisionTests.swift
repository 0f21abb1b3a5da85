import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// Unit prices are rounded to the digits of the "Product Price" decimal precision at each write, as in Odoo.
@Suite struct DecimalPrecisionTests {
    private func invoiceLine(price: String, invoice: String) -> String {
        """
        [["id", "partner_id/id", "move_type", "invoice_line_ids/name", "invoice_line_ids/quantity", "invoice_line_ids/price_unit"],
         [["ledgerport_acme.\(invoice)", "ledgerport_acme.stripe_customer_cus_1", "out_invoice", "Pro Plan", "1", "\(price)"]]]
        """
    }

    @Test func productPrice_followsItsPrecisionRecord() throws {
        let harness = try SandboxHarness()
        _ = try harness.call("res.partner", "load", #"[["id", "name"], [["ledgerport_acme.stripe_customer_cus_1", "Anna Schmidt"]]]"#)
        let precision = try #require(try harness.call("decimal.precision", "search", #"[[["name", "=", "Product Price"]]]"#)[0]?.intValue)

        let twoDigits = try #require(try harness.call("account.move", "load", invoiceLine(price: "12.345", invoice: "in_1"))["ids"]?[0]?.intValue)
        _ = try harness.call("decimal.precision", "write", "[[\(precision)], {\"digits\": 3}]")
        let threeDigits = try #require(try harness.call("account.move", "load", invoiceLine(price: "12.345", invoice: "in_2"))["ids"]?[0]?.intValue)
        let before = try harness.read("account.move", twoDigits, ["invoice_line_ids"])["invoice_line_ids"]?[0]?.intValue ?? 0
        let after = try harness.read("account.move", threeDigits, ["invoice_line_ids"])["invoice_line_ids"]?[0]?.intValue ?? 0

        #expect(try harness.read("account.move.line", before, ["price_unit"])["price_unit"]?.decimalText == "12.35")
        #expect(try harness.read("account.move.line", after, ["price_unit"])["price_unit"]?.decimalText == "12.345")
    }
}
