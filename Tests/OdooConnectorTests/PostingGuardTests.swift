import LedgerportSDK
import Testing
@testable import OdooConnector

/// Posting stops before Odoo would convert at rate 1.0 or refuse a negative total.
struct PostingGuardTests {
    /// A scripted Odoo with one draft move bound to `ledgerport_acme.stripe_invoice_in_1`.
    func odoo(move: JSONValue, rates: Int64) -> ScriptedOdoo {
        let odoo = ScriptedOdoo()
        odoo.on("account.move", "search_read") { _ in ScriptedOdoo.result([["id": 71]]) }
        odoo.on("account.move", "get_external_id") { _ in ScriptedOdoo.result(["71": "ledgerport_acme.stripe_invoice_in_1"]) }
        odoo.on("account.move", "read") { _ in ScriptedOdoo.result([move]) }
        odoo.on("res.company", "search_read") { _ in ScriptedOdoo.result([["id": 1, "currency_id": [1, "USD"]]]) }
        odoo.on("res.currency.rate", "search_count") { _ in ScriptedOdoo.result(.number(JSONNumber(rates))) }
        odoo.on("account.move", "action_post") { _ in ScriptedOdoo.result(false) }
        return odoo
    }

    let post = TargetOperation(action: .post, model: "account.move", externalID: "stripe_invoice_in_1")

    @Test func foreignCurrencyWithoutRate_parkedBeforePosting() async throws {
        let move: JSONValue = ["id": 71, "name": "/", "state": "draft", "currency_id": [4, "CHF"], "invoice_date": "2020-01-15", "amount_total": 115]
        let odoo = odoo(move: move, rates: 0)
        let connector = try TestConnection.connector(odoo)
        let outcomes = await connector.apply(OperationBatch(operations: [post]))

        guard case .failure(let error) = outcomes[0] else { Issue.record("posting without a rate succeeded"); return }
        #expect(error.failureClass == .business)
        #expect(error.code == "odoo_exchange_rate_missing")
        #expect(error.message.contains("CHF"))
        #expect(error.message.contains("2020-01-15"))
        #expect(!odoo.calls.contains { $0.method == "action_post" })
    }

    @Test func foreignCurrencyWithRate_posts() async throws {
        let move: JSONValue = ["id": 71, "name": "/", "state": "draft", "currency_id": [93, "KWD"], "invoice_date": "2026-12-04", "amount_total": .number(JSONNumber(literal: "26.563")!)]
        let odoo = odoo(move: move, rates: 1)
        let connector = try TestConnection.connector(odoo)
        let outcomes = await connector.apply(OperationBatch(operations: [post]))

        #expect((try? outcomes[0].get()) != nil)
        #expect(odoo.calls.filter { $0.method == "action_post" }.map(\.ids) == [[71]])
        let rateQuery = try #require(odoo.calls.first { $0.model == "res.currency.rate" })
        #expect(rateQuery.arguments[0]?[1] == domainLeaf("name", "<=", "2026-12-04"))
    }

    @Test func negativeTotal_parkedBeforePosting() async throws {
        let move: JSONValue = ["id": 71, "name": "/", "state": "draft", "currency_id": [1, "USD"], "invoice_date": "2026-12-04", "amount_total": .number(JSONNumber(literal: "-34.5")!)]
        let odoo = odoo(move: move, rates: 1)
        let connector = try TestConnection.connector(odoo)
        let outcomes = await connector.apply(OperationBatch(operations: [post]))

        guard case .failure(let error) = outcomes[0] else { Issue.record("a negative total was posted"); return }
        #expect(error.code == "odoo_negative_total")
        #expect(error.message.contains("-34.5"))
    }

    @Test func postedMove_isUnchanged() async throws {
        let move: JSONValue = ["id": 71, "name": "INV/2026/00001", "state": "posted", "currency_id": [1, "USD"], "amount_total": .number(JSONNumber(literal: "63.1")!)]
        let odoo = odoo(move: move, rates: 1)
        var operation = post
        operation.expectations = [AmountExpectation(field: "amount_total", expected: Money(minorUnits: 6310, currency: "USD"))]
        let connector = try TestConnection.connector(odoo)
        let outcomes = await connector.apply(OperationBatch(operations: [operation]))

        #expect((try? outcomes[0].get())?.effect == .unchanged)
        #expect(!odoo.calls.contains { $0.method == "action_post" })
    }

    @Test func unknownMove_isTransientReferenceNotFound() async throws {
        let odoo = odoo(move: [:], rates: 1)
        odoo.on("account.move", "search_read") { _ in ScriptedOdoo.result([]) }
        let connector = try TestConnection.connector(odoo)
        let outcomes = await connector.apply(OperationBatch(operations: [post]))

        guard case .failure(let error) = outcomes[0] else { Issue.record("posting an unknown move succeeded"); return }
        #expect(error.failureClass == .transient)
        #expect(error.code == "reference_not_found")
    }
}
