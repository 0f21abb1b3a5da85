import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// Payment registration through `account.payment.register`, as the connector drives it.
@Suite struct PaymentTests {
    private func postedInvoice(_ harness: SandboxHarness, price: String = "100.0", currency: Int = 1) throws -> Int {
        let partner = try harness.createPartner()
        let invoice = try harness.createInvoice(
            partner: partner, currency: currency, lines: #"[[0, 0, {"name": "Plan", "quantity": 1, "price_unit": \#(price), "tax_ids": [[6, 0, []]]}]]"#
        )
        try harness.post(invoice)
        return invoice
    }

    private func registerWizard(_ harness: SandboxHarness, invoice: Int, amount: String? = nil) throws -> Int {
        let amountField = amount.map { #", "amount": \#($0)"# } ?? ""
        return try harness.call(
            "account.payment.register", "create", #"[{"journal_id": 6, "payment_date": "2026-12-04"\#(amountField)}]"#,
            #"{"context": {"active_model": "account.move", "active_ids": [\#(invoice)]}}"#
        ).intValue!
    }

    private func runWizard(_ harness: SandboxHarness, _ wizard: Int, invoice: Int) throws -> JSONValue {
        try harness.call(
            "account.payment.register", "action_create_payments", "[[\(wizard)]]",
            #"{"context": {"active_model": "account.move", "active_ids": [\#(invoice)]}}"#
        )
    }

    @Test func fullPayment_marksInvoicePaid() throws {
        let harness = try SandboxHarness()
        let invoice = try postedInvoice(harness)
        let action = try runWizard(harness, try registerWizard(harness, invoice: invoice), invoice: invoice)

        let state = try harness.read("account.move", invoice, ["amount_residual", "payment_state"])
        #expect(action["res_model"] == "account.payment")
        #expect(state["amount_residual"]?.decimalText == "0")
        #expect(state["payment_state"] == "paid")
        let payment = try harness.read("account.payment", action["res_id"]!.intValue!, ["name", "state", "amount", "reconciled_invoice_ids", "is_reconciled"])
        #expect(payment["name"] == "PBNK1/2026/00001")
        #expect(payment["state"] == "posted")
        #expect(payment["amount"]?.decimalText == "100")
        #expect(payment["reconciled_invoice_ids"] == .ids([invoice]))
        #expect(payment["is_reconciled"] == true)
    }

    @Test func partialThenFullPayment_goesPartialThenPaid() throws {
        let harness = try SandboxHarness()
        let invoice = try postedInvoice(harness, price: "100.0")

        _ = try runWizard(harness, try registerWizard(harness, invoice: invoice, amount: "40.0"), invoice: invoice)
        let afterPartial = try harness.read("account.move", invoice, ["amount_residual", "payment_state"])
        _ = try runWizard(harness, try registerWizard(harness, invoice: invoice), invoice: invoice)
        let afterFull = try harness.read("account.move", invoice, ["amount_residual", "payment_state"])

        #expect(afterPartial["amount_residual"]?.decimalText == "60")
        #expect(afterPartial["payment_state"] == "partial")
        #expect(afterFull["amount_residual"]?.decimalText == "0")
        #expect(afterFull["payment_state"] == "paid")
        #expect(try harness.call("account.payment", "search_count", "[[]]") == 2)
    }

    @Test func twoRegistrationsOpenedBeforePaying_createTwoPayments() throws {
        let harness = try SandboxHarness()
        let invoice = try postedInvoice(harness)
        let first = try registerWizard(harness, invoice: invoice)
        let second = try registerWizard(harness, invoice: invoice)

        _ = try runWizard(harness, first, invoice: invoice)
        _ = try runWizard(harness, second, invoice: invoice)

        #expect(try harness.call("account.payment", "search_count", "[[]]") == 2)
        #expect(try harness.read("account.move", invoice, ["payment_state"])["payment_state"] == "paid")
    }

    @Test func registrationAfterFullPayment_isRejected() throws {
        let harness = try SandboxHarness()
        let invoice = try postedInvoice(harness)
        _ = try runWizard(harness, try registerWizard(harness, invoice: invoice), invoice: invoice)

        let failure = harness.failure(
            "account.payment.register", "create", #"[{"journal_id": 6}]"#, #"{"context": {"active_model": "account.move", "active_ids": [\#(invoice)]}}"#
        )

        #expect(failure.name == "odoo.exceptions.UserError")
        #expect(failure.message == "You can't register a payment because there is nothing left to pay on the selected journal items.")
    }

    @Test func euroPartialPayment_leavesResidualInEuro() throws {
        let harness = try SandboxHarness()
        let invoice = try postedInvoice(harness, price: "1380.0", currency: 126)
        _ = try runWizard(harness, try registerWizard(harness, invoice: invoice, amount: "500.0"), invoice: invoice)

        let state = try harness.read("account.move", invoice, ["amount_residual", "amount_total_signed", "payment_state"])
        #expect(state["amount_residual"]?.decimalText == "880")
        #expect(state["amount_total_signed"]?.decimalText == "1500")
        #expect(state["payment_state"] == "partial")
    }

    @Test func wizardWithoutActiveModel_isRejected() throws {
        let harness = try SandboxHarness()
        let failure = harness.failure("account.payment.register", "create", #"[{"journal_id": 6, "amount": 1.0}]"#)
        #expect(failure.name == "odoo.exceptions.UserError")
        #expect(failure.message == "The register payment wizard should only be called on account.move or account.move.line records.")
    }
}
