import LedgerportSDK
import Testing

@testable import LedgerportCommands

/// The text of table cells: long messages shortened in the middle, and service levels in percent.
@Suite struct TableTextTests {
    @Test func elide_keepsStartAndEnd() {
        let message = "upsert res.partner \"stripe_customer_cus_1\": You are not allowed to modify 'Contact' (res.partner) records."

        let cell = TextTable.elide(message, maximumLength: 60)

        #expect(cell.count == 60)
        #expect(cell.hasPrefix("upsert res.partner"))
        #expect(cell.hasSuffix("modify 'Contact' (res.partner) records."))
        #expect(cell.contains("…"))
    }

    @Test(arguments: [
        (
            "upsert account.move/stripe_invoice_in_demogkwd01: unit price 12.345 KWD of line \"Connector Pro, billed in KWD\" "
                + "has more than 2 decimals; Odoo would store 12.35; raise the decimal precision \"Product Price\" in Odoo",
            90, "upsert account.move/stripe_invoice_in_demogkwd01:…", "billed in KWD\" has more than 2 decimals…"
        ),
        (
            "evaluate mapping stripe_invoice_to_odoo at #/operations/0/values/invoice_line_ids/0/tax_ids: "
                + "lookup odoo_tax has no entry for \"txr_trial3vat15\"; add the key to lookup odoo_tax with the name of its Odoo tax, then replay the event",
            80, "evaluate mapping", "has no entry for \"txr_trial3vat15\"…"
        ),
    ])
    func elide_dropsTheHintAndKeepsTheCauseEnd(message: String, length: Int, start: String, end: String) {
        let cell = TextTable.elide(message, maximumLength: length)

        #expect(cell.count <= length)
        #expect(cell.hasPrefix(start), "\(cell)")
        #expect(cell.hasSuffix(end), "\(cell)")
    }

    @Test func elide_shortCauseKeepsTheHintStart() {
        let message = "upsert res.partner/stripe_customer_cus_1: access denied; check the API key of connection odoo-main and rotate it"

        let cell = TextTable.elide(message, maximumLength: 70)

        #expect(cell.count == 70)
        #expect(cell.hasPrefix("upsert res.partner/stripe_customer_cus_1: access denied; check the"))
        #expect(cell.hasSuffix("…"))
    }

    @Test func elide_leavesShortTextAlone() {
        #expect(TextTable.elide("odoo_access_error", maximumLength: 60) == "odoo_access_error")
    }

    @Test(arguments: [
        (ExactDecimal(significand: 6_666, scale: 4), "66.66%"),
        (ExactDecimal(significand: 99, scale: 2), "99%"),
        (ExactDecimal(significand: 10_000, scale: 4), "100%"),
        (ExactDecimal(significand: 5, scale: 1), "50%"),
        (ExactDecimal(significand: 999, scale: 3), "99.9%"),
        (ExactDecimal(significand: 0, scale: 4), "0%"),
        (ExactDecimal(1), "100%"),
    ])
    func percent_dropsTrailingZeros(share: ExactDecimal, expected: String) {
        #expect(FlowListCommand.percent(share) == expected)
    }
}
