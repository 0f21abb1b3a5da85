import LedgerportHTTPClient
import LedgerportSDK
import Testing
@testable import OdooConnector

/// The connector over real HTTP on 127.0.0.1: libcurl client, libmicrohttpd server, `Connection: close` on every response.
@Suite(.serialized)
struct LoopbackHTTPTests {
    @Test func duplicateAndConcurrentDeliveries_createOneInvoice() async throws {
        let odoo = MiniOdoo()
        odoo.seed("res.partner", ["name": "Acme GmbH"], externalID: "ledgerport_acme.stripe_customer_cus_1")
        let loopback = try LoopbackOdoo(odoo.server)
        let connector = try loopback.connector()
        let invoice = Operations.invoice("stripe_invoice_in_http", lines: [Operations.line("il_1", "Pro Plan", quantity: "1", price: "49.00", taxes: ["15%"])])

        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { _ = try? await connector.runOne(invoice) }
            }
        }
        let again = try await connector.runOne(invoice)
        await loopback.stop()

        #expect(again.effect == .unchanged)
        #expect(odoo.all("account.move").count == 1)
        #expect(odoo.all("account.move.line").count == 1)
    }

    @Test func repeatedPayment_overHTTP_createsOnePayment() async throws {
        let odoo = MiniOdoo()
        let partner = odoo.seed("res.partner", ["name": "Acme GmbH"], externalID: "ledgerport_acme.stripe_customer_cus_1")
        odoo.seed("account.move", [
            "name": "INV/2026/00001", "state": "posted", "move_type": "out_invoice", "partner_id": .number(JSONNumber(partner)), "currency_id": 1,
            "amount_total": 100, "amount_residual": 100, "payment_state": "not_paid", "invoice_origin": "ledgerport_acme.stripe_invoice_in_1",
        ], externalID: "ledgerport_acme.stripe_invoice_in_1")
        let loopback = try LoopbackOdoo(odoo.server)
        let connector = try loopback.connector()
        let payment = Operations.payment("stripe_payment_pi_http", invoice: "stripe_invoice_in_1", amount: Operations.usd(4_000), expectations: [
            AmountExpectation(field: "amount_residual", expected: Operations.usd(6_000)),
        ])

        let first = try await connector.runOne(payment)
        let second = try await connector.runOne(payment)
        await loopback.stop()

        #expect(first.effect == .created)
        #expect(second.effect == .unchanged)
        #expect(odoo.all("account.payment").count == 1)
    }

    @Test func refusedConnection_isTransient() async throws {
        let odoo = ScriptedOdoo()
        let loopback = try LoopbackOdoo(odoo)
        let url = loopback.url
        await loopback.stop()
        let connector = try TestConnection.connector(CurlHTTPTransport(threadCount: 1), url: url)

        let error = await #expect(throws: ConnectorError.self) { try await connector.checkConnection() }
        #expect(error?.failureClass == .transient)
        #expect(error?.code == "odoo_connection_refused")
    }

    @Test func slowServer_timesOutAsTransient() async throws {
        let loopback = try LoopbackOdoo(ScriptedOdoo(), delaySeconds: 3)
        let connector = try loopback.connector(extra: ["request_timeout_seconds": 1])

        let error = await #expect(throws: ConnectorError.self) { try await connector.checkConnection() }
        await loopback.stop()

        #expect(error?.failureClass == .transient)
        #expect(error?.code == "odoo_timeout")
    }
}
