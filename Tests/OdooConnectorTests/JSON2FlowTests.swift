import LedgerportSDK
import Testing
@testable import OdooConnector

/// The same flows over JSON-2, as against an Odoo 19.0 server with an API key.
struct JSON2FlowTests {
    let odoo = MiniOdoo(version: ["server_version": "19.0", "server_version_info": [19, 0, 0, "final", 0, ""], "server_serie": "19.0", "protocol_version": 1])

    init() {
        odoo.seed("res.partner", ["name": "Acme Corp"], externalID: "ledgerport_acme.stripe_customer_cus_1")
    }

    @Test func invoicePostAndPayment_overJSON2() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let lines = [Operations.line("il_1", "Pro plan Dec 2026", quantity: "2", price: "100.00", taxes: ["15%"]), Operations.line("il_2", "Setup fee", quantity: "1", price: "50.00")]
        let invoice = Operations.invoice("stripe_invoice_in_1001", lines: lines, expectations: [AmountExpectation(field: "amount_total", expected: Operations.usd(28_000))])

        _ = try await connector.runOne(invoice)
        _ = try await connector.runOne(TargetOperation(action: .post, model: "account.move", externalID: "stripe_invoice_in_1001"))
        let payment = try await connector.runOne(Operations.payment("stripe_payment_pi_3pay1", invoice: "stripe_invoice_in_1001", amount: Operations.usd(28_000)))

        #expect(payment.readBack["payment_state"] == "paid")
        #expect(odoo.all("account.payment").first?["memo"] == "stripe_payment_pi_3pay1")
        #expect(odoo.server.requests.allSatisfy { $0.url.contains("/json/2/") || $0.url.hasSuffix("/jsonrpc") })
        #expect(odoo.server.requests.filter { $0.url.contains("/json/2/") }.allSatisfy { $0.headers["X-Odoo-Database"] == "revops" })
        #expect(odoo.server.requests.filter { $0.url.hasSuffix("/jsonrpc") }.count == 1)
    }

    @Test func userErrorOverJSON2_isBusiness() async throws {
        odoo.server.on("account.move", "action_post") { _ in ScriptedOdoo.exception("odoo.exceptions.UserError", "Even magicians can't post nothing!") }
        odoo.seed("account.move", ["state": "draft", "move_type": "out_invoice", "currency_id": 1, "amount_total": 0, "invoice_origin": "ledgerport_acme.stripe_invoice_in_5"], externalID: "ledgerport_acme.stripe_invoice_in_5")
        let connector = try TestConnection.connector(odoo.server)

        let outcomes = try await connector.run([TargetOperation(action: .post, model: "account.move", externalID: "stripe_invoice_in_5")])

        guard case .failure(let error) = outcomes[0] else { Issue.record("a refused posting succeeded"); return }
        #expect(error.failureClass == .business)
        #expect(error.targetMessage == "Even magicians can't post nothing!")
    }
}
