import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// Credit notes through `account.move.reversal`, full and partial.
@Suite struct CreditNoteTests {
    private let seatLines = #"""
        [[0, 0, {"name": "Team Plan", "quantity": 1, "price_unit": 100.0, "tax_ids": [[6, 0, [1]]]}],
         [0, 0, {"name": "Extra seats (2)", "quantity": 2, "price_unit": 10.0, "tax_ids": [[6, 0, [1]]]}]]
        """#

    private func reverse(_ harness: SandboxHarness, invoice: Int, method: String) throws -> JSONValue {
        let context = #"{"context": {"active_model": "account.move", "active_ids": [\#(invoice)]}}"#
        let wizard = try harness.call("account.move.reversal", "create", #"[{"reason": "Seats removed", "journal_id": 1, "date": "2026-12-04"}]"#, context)
        return try harness.call("account.move.reversal", method, "[[\(wizard)]]", context)
    }

    @Test func fullCreditNote_reversesTheInvoice() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(partner: try harness.createPartner(), lines: seatLines)
        try harness.post(invoice)

        let creditNote = try #require(try reverse(harness, invoice: invoice, method: "refund_moves")["res_id"]?.intValue)
        let draft = try harness.read("account.move", creditNote, ["move_type", "state", "amount_total", "ref", "reversed_entry_id"])
        try harness.post(creditNote)

        #expect(draft["move_type"] == "out_refund")
        #expect(draft["state"] == "draft")
        #expect(draft["amount_total"]?.decimalText == "138")
        #expect(draft["ref"] == "Reversal of: INV/2026/00001, Seats removed")
        #expect(draft["reversed_entry_id"]?[0] == .number(JSONNumber(invoice)))
        #expect(try harness.read("account.move", invoice, ["payment_state"])["payment_state"] == "reversed")
        #expect(try harness.read("account.move", creditNote, ["payment_state", "name"])["payment_state"] == "paid")
    }

    @Test func partialCreditNote_leavesInvoicePartlyOpen() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(partner: try harness.createPartner(), lines: seatLines)
        try harness.post(invoice)
        let creditNote = try #require(try reverse(harness, invoice: invoice, method: "refund_moves")["res_id"]?.intValue)
        let lines = try harness.read("account.move", creditNote, ["invoice_line_ids"])["invoice_line_ids"]!.arrayValue!.compactMap(\.intValue)

        _ = try harness.call("account.move", "write", "[[\(creditNote)], {\"invoice_line_ids\": [[2, \(lines[0])], [1, \(lines[1]), {\"quantity\": 1}]]}]")
        try harness.post(creditNote)

        let credit = try harness.read("account.move", creditNote, ["amount_total", "amount_residual", "payment_state"])
        let original = try harness.read("account.move", invoice, ["amount_residual", "payment_state", "reversal_move_id"])
        #expect(credit["amount_total"]?.decimalText == "11.5")
        #expect(credit["amount_residual"]?.decimalText == "0")
        #expect(credit["payment_state"] == "paid")
        #expect(original["amount_residual"]?.decimalText == "126.5")
        #expect(original["payment_state"] == "partial")
        #expect(original["reversal_move_id"] == .ids([creditNote]))
    }

    @Test func modifyMoves_postsCreditNoteAndOpensDraftCopy() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(partner: try harness.createPartner(), lines: seatLines)
        try harness.post(invoice)

        let action = try reverse(harness, invoice: invoice, method: "modify_moves")
        let copy = try #require(action["res_id"]?.intValue)
        let draft = try harness.read("account.move", copy, ["state", "move_type", "amount_total", "invoice_date", "ref"])

        #expect(action["context"]?["default_move_type"] == "out_invoice")
        #expect(draft["state"] == "draft")
        #expect(draft["move_type"] == "out_invoice")
        #expect(draft["amount_total"]?.decimalText == "138")
        #expect(draft["invoice_date"] == false)
        #expect(try harness.read("account.move", invoice, ["payment_state"])["payment_state"] == "reversed")
    }

    @Test func refundMethodField_doesNotExist() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(partner: try harness.createPartner(), lines: seatLines)
        try harness.post(invoice)
        let failure = harness.failure(
            "account.move.reversal", "create", #"[{"journal_id": 1, "refund_method": "refund"}]"#,
            #"{"context": {"active_model": "account.move", "active_ids": [\#(invoice)]}}"#
        )
        #expect(failure.name == "builtins.ValueError")
        #expect(failure.message == "Invalid field 'refund_method' on model 'account.move.reversal'")
    }
}
