import LedgerportSDK
import Testing
@testable import OdooConnector

/// Payments and credit notes exist once per external id, whatever the retries.
struct PaymentFlowTests {
    let odoo = MiniOdoo()
    let invoiceID: Int64

    init() {
        let partner = odoo.seed("res.partner", ["name": "Acme GmbH"], externalID: "ledgerport_acme.stripe_customer_cus_1")
        invoiceID = odoo.seed("account.move", [
            "name": "INV/2026/00001", "state": "posted", "move_type": "out_invoice", "partner_id": .number(JSONNumber(partner)), "currency_id": 1,
            "journal_id": 1, "amount_untaxed": 100, "amount_tax": 0, "amount_total": 100, "amount_residual": 100, "payment_state": "not_paid",
            "invoice_origin": "ledgerport_acme.stripe_invoice_in_1",
        ], externalID: "ledgerport_acme.stripe_invoice_in_1")
        odoo.seed("account.move.line", ["move_id": .number(JSONNumber(invoiceID)), "display_type": "product", "name": "Pro Plan", "quantity": 1, "price_unit": 100, "discount": 0, "tax_ids": [], "product_id": false])
    }

    @Test func repeatedPayment_createsOnePayment() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let payment = Operations.payment("stripe_payment_pi_1", invoice: "stripe_invoice_in_1", amount: Operations.usd(10_000))

        let first = try await connector.runOne(payment)
        let second = try await connector.runOne(payment)

        #expect(first.effect == .created)
        #expect(second.effect == .unchanged)
        #expect(odoo.all("account.payment").count == 1)
        #expect(odoo.record("account.move", invoiceID)?["payment_state"] == "paid")
    }

    @Test func concurrentPayments_createOnePayment() async throws {
        let connectors = try (0..<8).map { _ in try TestConnection.connector(odoo.server) }
        let payment = Operations.payment("stripe_payment_pi_2", invoice: "stripe_invoice_in_1", amount: Operations.usd(10_000))

        let results = await withTaskGroup(of: Bool.self) { group in
            for connector in connectors {
                group.addTask { (try? await connector.runOne(payment)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }

        #expect(odoo.all("account.payment").count == 1)
        #expect(odoo.record("account.move", invoiceID)?["amount_residual"]?.numberValue?.decimal == .zero)
        #expect(results.allSatisfy { $0 })
    }

    @Test func partialPayments_leaveExactResidual() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let first = try await connector.runOne(Operations.payment("stripe_payment_pi_3", invoice: "stripe_invoice_in_1", amount: Operations.usd(3_050), expectations: [
            AmountExpectation(field: "amount_residual", expected: Operations.usd(6_950)),
        ]))
        let second = try await connector.runOne(Operations.payment("stripe_payment_pi_4", invoice: "stripe_invoice_in_1", amount: Operations.usd(6_950), expectations: [
            AmountExpectation(field: "amount_residual", expected: Operations.usd(0)),
        ]))

        #expect(first.readBack["payment_state"] == "partial")
        #expect(second.readBack["payment_state"] == "paid")
        #expect(odoo.all("account.payment").count == 2)
    }

    @Test func overpayment_isBusinessErrorAndCreatesNothing() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let outcomes = try await connector.run([Operations.payment("stripe_payment_pi_5", invoice: "stripe_invoice_in_1", amount: Operations.usd(10_001))])

        guard case .failure(let error) = outcomes[0] else { Issue.record("an overpayment passed"); return }
        #expect(error.code == "odoo_overpayment")
        #expect(odoo.all("account.payment").isEmpty)
    }

    @Test func paymentBeforeInvoice_isTransient() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let outcomes = try await connector.run([Operations.payment("stripe_payment_pi_6", invoice: "stripe_invoice_in_9", amount: Operations.usd(100))])

        guard case .failure(let error) = outcomes[0] else { Issue.record("a payment without invoice passed"); return }
        #expect(error.code == "reference_not_found")
    }

    @Test func fullReversal_createsOnePostedCreditNote() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let reversal = Operations.reversal("stripe_credit_note_cn_1", invoice: "stripe_invoice_in_1")

        let first = try await connector.runOne(reversal)
        let second = try await connector.runOne(reversal)

        #expect(first.effect == .created)
        #expect(second.effect == .unchanged)
        let credits = odoo.all("account.move").filter { $0["move_type"] == "out_refund" }
        #expect(credits.count == 1)
        #expect(credits.first?["state"] == "posted")
        #expect(odoo.record("account.move", invoiceID)?["payment_state"] == "reversed")
    }

    @Test func partialCreditByAmount_hasExactTotal() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let result = try await connector.runOne(Operations.reversal("stripe_credit_note_cn_2", invoice: "stripe_invoice_in_1", amount: Operations.usd(2_575)))

        #expect(result.readBack["amount_total"]?.numberValue?.decimal == ExactDecimal(parsing: "25.75"))
        #expect(odoo.record("account.move", invoiceID)?["amount_residual"]?.numberValue?.decimal == ExactDecimal(parsing: "74.25"))
        #expect(odoo.record("account.move", invoiceID)?["payment_state"] == "partial")
    }
}
