import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// Amounts as Odoo computes them: two-decimal unit prices, currency rounding, exchange rates, tax rounding.
@Suite struct AmountTests {
    @Test func kuwaitiUnitPrice_isStoredWithTwoDecimals() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(
            partner: try harness.createPartner(), currency: 93,
            lines: #"[[0, 0, {"name": "Pro Plan (KWD)", "quantity": 1, "price_unit": 12.345, "tax_ids": [[6, 0, [1]]]}], [0, 0, {"name": "Seats", "quantity": 3, "price_unit": 4.115, "tax_ids": [[6, 0, []]]}]]"#
        )
        let lines = try harness.call(
            "account.move.line", "search_read", #"[[["move_id", "=", \#(invoice)], ["display_type", "=", "product"]]]"#,
            #"{"fields": ["price_unit", "price_subtotal", "price_total"], "order": "id"}"#
        )
        let totals = try harness.read("account.move", invoice, ["amount_untaxed", "amount_tax", "amount_total"])

        #expect(lines[0]?["price_unit"]?.decimalText == "12.35")
        #expect(lines[0]?["price_total"]?.decimalText == "14.203")
        #expect(lines[1]?["price_unit"]?.decimalText == "4.12")
        #expect(lines[1]?["price_subtotal"]?.decimalText == "12.36")
        #expect(totals["amount_untaxed"]?.decimalText == "24.71")
        #expect(totals["amount_tax"]?.decimalText == "1.853")
        #expect(totals["amount_total"]?.decimalText == "26.563")
    }

    @Test func yenTax_isRoundedToWholeYen() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(
            partner: try harness.createPartner(), currency: 25,
            lines: #"[[0, 0, {"name": "Plan", "quantity": 1, "price_unit": 1000, "tax_ids": [[6, 0, [1]]]}], [0, 0, {"name": "Add-on", "quantity": 1, "price_unit": 333, "tax_ids": [[6, 0, [1]]]}]]"#
        )
        try harness.post(invoice)
        let totals = try harness.read("account.move", invoice, ["amount_tax", "amount_total", "amount_total_signed"])

        #expect(totals["amount_tax"]?.decimalText == "200")
        #expect(totals["amount_total"]?.decimalText == "1533")
        #expect(totals["amount_total_signed"]?.decimalText == "10.12")
    }

    @Test func currencyWithoutRate_postsAtRateOne() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(
            partner: try harness.createPartner(), currency: 4, lines: #"[[0, 0, {"name": "Plan (CHF)", "quantity": 1, "price_unit": 100.0, "tax_ids": [[6, 0, [1]]]}]]"#
        )
        try harness.post(invoice)
        let totals = try harness.read("account.move", invoice, ["state", "amount_total", "amount_total_signed", "amount_residual_signed"])

        #expect(totals["state"] == "posted")
        #expect(totals["amount_total"]?.decimalText == "115")
        #expect(totals["amount_total_signed"]?.decimalText == "115")
        #expect(totals["amount_residual_signed"]?.decimalText == "115")
    }

    @Test func invoiceDatedBeforeFirstRate_usesRateOne() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(
            partner: try harness.createPartner(), currency: 93, date: "2019-12-31",
            lines: #"[[0, 0, {"name": "Plan", "quantity": 1, "price_unit": 10.0, "tax_ids": [[6, 0, []]]}]]"#
        )
        try harness.post(invoice)
        #expect(try harness.read("account.move", invoice, ["amount_total_signed"])["amount_total_signed"]?.decimalText == "10")
    }

    @Test func negativeTotal_isRejectedOnPost() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(
            partner: try harness.createPartner(),
            lines: #"[[0, 0, {"name": "Plan", "quantity": 1, "price_unit": 20.0, "tax_ids": [[6, 0, [1]]]}], [0, 0, {"name": "Credit", "quantity": 1, "price_unit": -50.0, "tax_ids": [[6, 0, [1]]]}]]"#
        )
        let failure = harness.failure("account.move", "action_post", "[[\(invoice)]]")

        #expect(failure.name == "odoo.exceptions.UserError")
        #expect(failure.message.hasPrefix("You cannot validate an invoice with a negative total amount."))
        #expect(try harness.read("account.move", invoice, ["state", "amount_total"])["amount_total"]?.decimalText == "-34.5")
    }

    @Test func zeroTotal_postsAsPaid() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(
            partner: try harness.createPartner(),
            lines: #"[[0, 0, {"name": "Plan", "quantity": 1, "price_unit": 50.0, "tax_ids": [[6, 0, [1]]]}], [0, 0, {"name": "Goodwill", "quantity": 1, "price_unit": -50.0, "tax_ids": [[6, 0, [1]]]}]]"#
        )
        try harness.post(invoice)
        #expect(try harness.read("account.move", invoice, ["payment_state"])["payment_state"] == "paid")
    }

    /// Three seats at 33.33 with 19% excluded and three usages at 10.01 with 19% included, as recorded on 17.0.
    private let roundingLines = #"""
        [[0, 0, {"name": "Seat 1", "quantity": 1, "price_unit": 33.33, "tax_ids": [[6, 0, [%EXCL%]]]}],
         [0, 0, {"name": "Seat 2", "quantity": 1, "price_unit": 33.33, "tax_ids": [[6, 0, [%EXCL%]]]}],
         [0, 0, {"name": "Seat 3", "quantity": 1, "price_unit": 33.33, "tax_ids": [[6, 0, [%EXCL%]]]}],
         [0, 0, {"name": "Usage 1", "quantity": 1, "price_unit": 10.01, "tax_ids": [[6, 0, [%INCL%]]]}],
         [0, 0, {"name": "Usage 2", "quantity": 1, "price_unit": 10.01, "tax_ids": [[6, 0, [%INCL%]]]}],
         [0, 0, {"name": "Usage 3", "quantity": 1, "price_unit": 10.01, "tax_ids": [[6, 0, [%INCL%]]]}]]
        """#

    private func roundingInvoice(_ harness: SandboxHarness) throws -> JSONValue {
        let included = try harness.call("account.tax", "create", #"[{"name": "VAT 19% (incl.)", "amount": 19.0, "price_include": true}]"#)
        let excluded = try harness.call("account.tax", "create", #"[{"name": "VAT 19%", "amount": 19.0}]"#)
        let lines = roundingLines.replacingOccurrences(of: "%EXCL%", with: excluded.description).replacingOccurrences(of: "%INCL%", with: included.description)
        let invoice = try harness.createInvoice(partner: try harness.createPartner(), lines: lines)
        return try harness.read("account.move", invoice, ["amount_untaxed", "amount_tax", "amount_total"])
    }

    @Test func roundPerLine_givesRecordedTotals() throws {
        let totals = try roundingInvoice(try SandboxHarness())
        #expect(totals["amount_untaxed"]?.decimalText == "125.22")
        #expect(totals["amount_tax"]?.decimalText == "23.79")
        #expect(totals["amount_total"]?.decimalText == "149.01")
    }

    @Test func roundGlobally_givesRecordedTotals() throws {
        let harness = try SandboxHarness()
        _ = try harness.call("res.company", "write", #"[[1], {"tax_calculation_rounding_method": "round_globally"}]"#)
        let totals = try roundingInvoice(harness)
        #expect(totals["amount_untaxed"]?.decimalText == "125.22")
        #expect(totals["amount_tax"]?.decimalText == "23.8")
        #expect(totals["amount_total"]?.decimalText == "149.02")
    }

    @Test func priceIncludedTax_splitsTheGrossAmount() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(
            partner: try harness.createPartner(), lines: #"[[0, 0, {"name": "Gross", "quantity": 3, "price_unit": 33.33, "tax_ids": [[6, 0, [4]]]}]]"#
        )
        let totals = try harness.read("account.move", invoice, ["amount_untaxed", "amount_tax", "amount_total"])
        #expect(totals["amount_untaxed"]?.decimalText == "86.95")
        #expect(totals["amount_tax"]?.decimalText == "13.04")
        #expect(totals["amount_total"]?.decimalText == "99.99")
    }
}
