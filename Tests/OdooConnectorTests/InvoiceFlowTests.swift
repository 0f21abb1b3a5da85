import LedgerportSDK
import Testing
@testable import OdooConnector

/// Invoice upserts find their record again, never append lines twice, and never rewrite a posted invoice.
struct InvoiceFlowTests {
    let odoo = MiniOdoo()

    init() {
        odoo.seed("res.partner", ["name": "Acme GmbH"], externalID: "ledgerport_acme.stripe_customer_cus_1")
    }

    var twoLines: [TargetValue] {
        [Operations.line("il_1", "Pro Plan Dec 2026", quantity: "1", price: "49.00", taxes: ["15%"]), Operations.line("il_2", "API overage", quantity: "3", price: "2.50")]
    }

    @Test func duplicateDelivery_createsOneInvoice() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let operation = Operations.invoice("stripe_invoice_in_1", lines: twoLines, expectations: [AmountExpectation(field: "amount_total", expected: Operations.usd(6385))])

        let first = try await connector.runOne(operation)
        let second = try await connector.runOne(operation)

        #expect(first.effect == .created)
        #expect(second.effect == .unchanged)
        #expect(odoo.all("account.move").count == 1)
        #expect(odoo.all("account.move.line").count == 2)
        #expect(first.readBack["amount_total"]?.numberValue?.decimal == ExactDecimal(parsing: "63.85"))
    }

    @Test func concurrentDeliveries_createOneInvoice() async throws {
        let connectors = try (0..<4).map { _ in try TestConnection.connector(odoo.server) }
        let operation = Operations.invoice("stripe_invoice_in_2", lines: twoLines)

        await withTaskGroup(of: Void.self) { group in
            for connector in connectors {
                group.addTask { _ = try? await connector.runOne(operation) }
            }
        }

        #expect(odoo.all("account.move").count == 1)
    }

    @Test func changedDraft_isRewrittenInPlace() async throws {
        let connector = try TestConnection.connector(odoo.server)
        _ = try await connector.runOne(Operations.invoice("stripe_invoice_in_3", lines: twoLines))
        var changed = twoLines
        changed[0] = Operations.line("il_1", "Pro Plan Dec 2026", quantity: "1", price: "59.00", taxes: ["15%"])

        let result = try await connector.runOne(Operations.invoice("stripe_invoice_in_3", lines: changed))

        #expect(result.effect == .updated)
        #expect(odoo.all("account.move.line").count == 2)
        #expect(result.readBack["amount_untaxed"]?.numberValue?.decimal == ExactDecimal(parsing: "66.50"))
    }

    @Test func postedInvoiceThatDiffers_isBusinessErrorAndUntouched() async throws {
        let connector = try TestConnection.connector(odoo.server)
        _ = try await connector.runOne(Operations.invoice("stripe_invoice_in_4", lines: twoLines))
        _ = try await connector.runOne(TargetOperation(action: .post, model: "account.move", externalID: "stripe_invoice_in_4"))
        let linesBefore = odoo.all("account.move.line")
        var changed = twoLines
        changed.append(Operations.line("il_3", "Extra seat", quantity: "1", price: "10.00"))

        let outcomes = try await connector.run([Operations.invoice("stripe_invoice_in_4", lines: changed)])

        guard case .failure(let error) = outcomes[0] else { Issue.record("a posted invoice was rewritten"); return }
        #expect(error.failureClass == .business)
        #expect(error.code == "odoo_posted_document_differs")
        #expect(odoo.all("account.move.line") == linesBefore)
    }

    @Test func missingCustomer_isTransientReferenceNotFound() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let outcomes = try await connector.run([Operations.invoice("stripe_invoice_in_5", customer: "stripe_customer_cus_unknown", lines: twoLines)])

        guard case .failure(let error) = outcomes[0] else { Issue.record("an invoice without customer was written"); return }
        #expect(error.failureClass == .transient)
        #expect(error.code == "reference_not_found")
    }

    @Test func jpyInvoice_totalsInWholeYen() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let lines = [Operations.line("il_j1", "Pro Plan (JPY)", quantity: "1", price: "1000", taxes: ["15%"]), Operations.line("il_j2", "Add-on (JPY)", quantity: "1", price: "333", taxes: ["15%"])]
        let result = try await connector.runOne(Operations.invoice("stripe_invoice_in_jpy", currency: "JPY", lines: lines, expectations: [
            AmountExpectation(field: "amount_total", expected: Money(minorUnits: 1533, currency: "JPY")),
        ]))

        #expect(result.effect == .created)
    }

    @Test func kwdThreeDecimalPrice_flaggedAndNothingWritten() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let lines = [Operations.line("il_k1", "Pro Plan (KWD)", quantity: "1", price: "12.345", taxes: ["15%"])]
        let outcomes = try await connector.run([Operations.invoice("stripe_invoice_in_kwd", currency: "KWD", lines: lines)])

        guard case .failure(let error) = outcomes[0] else { Issue.record("a rounded KWD price was accepted"); return }
        #expect(error.code == "odoo_unit_price_precision")
        #expect(odoo.all("account.move").isEmpty)
    }

    @Test func kwdTwoDecimalPrice_matchesExpectedTotal() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let lines = [Operations.line("il_k2", "Seats (KWD)", quantity: "3", price: "4.12")]
        let result = try await connector.runOne(Operations.invoice("stripe_invoice_in_kwd2", currency: "KWD", lines: lines, expectations: [
            AmountExpectation(field: "amount_total", expected: Money(minorUnits: 12_360, currency: "KWD")),
        ]))

        #expect(result.readBack["amount_total"]?.numberValue?.decimal == ExactDecimal(parsing: "12.36"))
    }

    @Test func totalThatDiffersFromSource_isBusinessErrorNamingBoth() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let operation = Operations.invoice("stripe_invoice_in_6", lines: twoLines, expectations: [AmountExpectation(field: "amount_total", expected: Operations.usd(6386))])
        let outcomes = try await connector.run([operation])

        guard case .failure(let error) = outcomes[0] else { Issue.record("a total mismatch passed"); return }
        #expect(error.message.contains("63.86 USD"))
        #expect(error.message.contains("63.85 USD"))
    }

    @Test func unknownTax_isBusinessErrorNamingIt() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let lines = [Operations.line("il_t", "Plan", quantity: "1", price: "10.00", taxes: ["VAT 19%"])]
        let outcomes = try await connector.run([Operations.invoice("stripe_invoice_in_7", lines: lines)])

        guard case .failure(let error) = outcomes[0] else { Issue.record("an unknown tax passed"); return }
        #expect(error.code == "odoo_tax_unknown")
        #expect(error.message.contains("\"VAT 19%\""))
    }
}
