import LedgerportOdooSandbox
import LedgerportSDK
import Testing
@testable import OdooConnector

/// The connector against the Odoo sandbox over real HTTP on 127.0.0.1.
@Suite(.serialized)
struct SandboxFlowTests {
    static let customer = TargetOperation.partner("stripe_customer_cus_1", name: "Acme GmbH", extra: ["is_company": .bool(true), "country_code": .string("DE")])

    static func usdInvoice(_ externalID: String, expectations: [AmountExpectation] = []) -> TargetOperation {
        Operations.invoice(externalID, lines: [
            Operations.line("il_1", "Pro Plan Dec 2026", quantity: "1", price: "49.00", taxes: ["15%"]),
            Operations.line("il_2", "API overage", quantity: "3", price: "2.50"),
        ], expectations: expectations)
    }

    static func post(_ externalID: String) -> TargetOperation {
        TargetOperation(action: .post, model: "account.move", externalID: externalID)
    }

    @Test func duplicateAndConcurrentDeliveries_createOneRecord() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        let invoice = Self.usdInvoice("stripe_invoice_in_dup")
        _ = try await connector.runOne(Self.customer)

        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { _ = try? await connector.runOne(Self.customer) }
                group.addTask { _ = try? await connector.runOne(invoice) }
            }
        }
        let again = try await connector.runOne(invoice)
        await harness.stop()

        #expect(again.effect == .unchanged)
        #expect(try harness.count("res.partner", [domainLeaf("name", "=", "Acme GmbH")]) == 1)
        #expect(try harness.count("account.move", [domainLeaf("ref", "=", "stripe_invoice_in_dup")]) == 1)
        let moveID = try #require(again.targetRecordID?.split(separator: ",").last.flatMap { Int64($0) })
        #expect(try harness.count("account.move.line", [domainLeaf("move_id", "=", .number(JSONNumber(moveID))), domainLeaf("display_type", "=", "product")]) == 2)
    }

    @Test func repeatedAndConcurrentPayments_createOnePayment() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        _ = try await connector.runOne(Self.usdInvoice("stripe_invoice_in_pay", expectations: [AmountExpectation(field: "amount_total", expected: Operations.usd(6385))]))
        _ = try await connector.runOne(Self.post("stripe_invoice_in_pay"))
        let payment = Operations.payment("stripe_payment_pi_1", invoice: "stripe_invoice_in_pay", amount: Operations.usd(6385), expectations: [
            AmountExpectation(field: "amount_residual", expected: Operations.usd(0)),
        ])

        let connectors = try (0..<8).map { _ in try harness.connector() }
        await withTaskGroup(of: Void.self) { group in
            for other in connectors {
                group.addTask { _ = try? await other.runOne(payment) }
            }
        }
        let repeated = try await connector.runOne(payment)
        await harness.stop()

        #expect(repeated.effect == .unchanged)
        #expect(repeated.readBack["payment_state"] == "paid")
        #expect(try harness.count("account.payment", []) == 1)
    }

    @Test func partialPaymentsAndCredit_leaveExactAmounts() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        _ = try await connector.runOne(Self.usdInvoice("stripe_invoice_in_part"))
        _ = try await connector.runOne(Self.post("stripe_invoice_in_part"))

        let first = try await connector.runOne(Operations.payment("stripe_payment_pi_p1", invoice: "stripe_invoice_in_part", amount: Operations.usd(2000), expectations: [
            AmountExpectation(field: "amount_residual", expected: Operations.usd(4385)),
        ]))
        let credit = try await connector.runOne(Operations.reversal("stripe_credit_note_cn_p1", invoice: "stripe_invoice_in_part", amount: Operations.usd(1385)))
        let state = try await connector.readState(of: TargetReference(model: "account.move", externalID: "stripe_invoice_in_part"), fields: [])
        let second = try await connector.runOne(Operations.payment("stripe_payment_pi_p2", invoice: "stripe_invoice_in_part", amount: Operations.usd(3000), expectations: [
            AmountExpectation(field: "amount_residual", expected: Operations.usd(0)),
        ]))
        await harness.stop()

        #expect(first.readBack["payment_state"] == "partial")
        #expect(credit.readBack["amount_total"]?.numberValue?.decimal == ExactDecimal(parsing: "13.85"))
        #expect(state?.fields["amount_residual"]?.numberValue?.decimal == ExactDecimal(parsing: "30.00"))
        #expect(second.readBack["payment_state"] == "paid")
    }

    @Test func fullReversal_reversesInvoiceOnce() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        _ = try await connector.runOne(Self.usdInvoice("stripe_invoice_in_rev"))
        _ = try await connector.runOne(Self.post("stripe_invoice_in_rev"))

        let first = try await connector.runOne(Operations.reversal("stripe_credit_note_cn_full", invoice: "stripe_invoice_in_rev"))
        let second = try await connector.runOne(Operations.reversal("stripe_credit_note_cn_full", invoice: "stripe_invoice_in_rev"))
        let invoice = try await connector.readState(of: TargetReference(model: "account.move", externalID: "stripe_invoice_in_rev"), fields: [])
        await harness.stop()

        #expect(first.effect == .created)
        #expect(second.effect == .unchanged)
        #expect(invoice?.fields["payment_state"] == "reversed")
        #expect(try harness.count("account.move", [domainLeaf("move_type", "=", "out_refund")]) == 1)
    }

    @Test(arguments: [
        ("USD", "49.00", Int64(5635)),
        ("JPY", "1000", Int64(1150)),
        ("KWD", "12.34", Int64(14_191)),
    ])
    func invoiceInCurrency_postsWithExpectedTotal(_ currency: String, _ price: String, _ total: Int64) async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        let code = try #require(CurrencyCode(currency))
        let invoice = Operations.invoice("stripe_invoice_in_\(currency.lowercased())", currency: currency, lines: [
            Operations.line("il_c", "Pro Plan (\(currency))", quantity: "1", price: price, taxes: ["15%"]),
        ], expectations: [AmountExpectation(field: "amount_total", expected: Money(minorUnits: total, currency: code))])

        _ = try await connector.runOne(invoice)
        let posted = try await connector.runOne(Self.post("stripe_invoice_in_\(currency.lowercased())"))
        await harness.stop()

        #expect(posted.readBack["state"] == "posted")
    }

    @Test func threeDecimalKWDPrice_isFlagged() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        let invoice = Operations.invoice("stripe_invoice_in_kwd3", currency: "KWD", lines: [Operations.line("il_k", "Pro Plan (KWD)", quantity: "1", price: "12.345", taxes: ["15%"])])

        let outcomes = try await connector.run([invoice])
        await harness.stop()

        guard case .failure(let error) = outcomes[0] else { Issue.record("a rounded KWD price was accepted"); return }
        #expect(error.failureClass == .business)
        #expect(error.code == "odoo_unit_price_precision")
        #expect(try harness.count("account.move", [domainLeaf("ref", "=", "stripe_invoice_in_kwd3")]) == 0)
    }

    @Test func raisedPricePrecision_appliesToTheNextAttempt() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        let invoice = Operations.invoice("stripe_invoice_in_kwd4", currency: "KWD", lines: [Operations.line("il_k", "Pro Plan (KWD)", quantity: "1", price: "12.345", taxes: ["15%"])])
        let rejected = try await connector.run([invoice])

        // An operator raises the precision in Odoo; the same connector instance, with its cache, runs the replay.
        let precision = try #require(try harness.call("decimal.precision", "search", [[domainLeaf("name", "=", "Product Price")]])[0]?.intValue)
        _ = try harness.call("decimal.precision", "write", [[.number(JSONNumber(precision))], ["digits": 3]])
        let replayed = try await connector.run([invoice])
        let lines = try harness.call("account.move.line", "search_read", [[domainLeaf("name", "=", "Pro Plan (KWD)")]], ["fields": ["price_unit"]])
        await harness.stop()

        guard case .failure(let error) = rejected[0], case .success = replayed[0] else {
            Issue.record("expected a refusal, then a success: \(rejected) \(replayed)")
            return
        }
        #expect(error.code == "odoo_unit_price_precision")
        #expect(lines[0]?["price_unit"] == .number(JSONNumber(ExactDecimal(significand: 12_345, scale: 3))))
    }

    @Test func currencyWithoutRate_parkedBeforePosting() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        _ = try await connector.runOne(Operations.invoice("stripe_invoice_in_chf", currency: "CHF", lines: [Operations.line("il_f", "Pro Plan (CHF)", quantity: "1", price: "100.00")]))

        let outcomes = try await connector.run([Self.post("stripe_invoice_in_chf")])
        let state = try await connector.readState(of: TargetReference(model: "account.move", externalID: "stripe_invoice_in_chf"), fields: ["state"])
        await harness.stop()

        guard case .failure(let error) = outcomes[0] else { Issue.record("an invoice without a rate was posted"); return }
        #expect(error.code == "odoo_exchange_rate_missing")
        #expect(error.message.contains("CHF"))
        #expect(error.message.contains("2026-12-04"))
        #expect(state?.fields["state"] == "draft")
    }

    @Test func batchWithOneBadRecord_writesTheOthers() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        var operations = (1...6).map { TargetOperation.partner("stripe_customer_cus_b\($0)", name: "Batch Customer \($0)") }
        operations[3].values["country_code"] = .string("ZZ")
        operations[4].values["name"] = .string("")

        let outcomes = try await connector.run(operations)
        await harness.stop()

        let failed = zip(operations, outcomes).compactMap { operation, outcome -> String? in
            if case .failure = outcome { return operation.externalID }
            return nil
        }
        #expect(failed == ["stripe_customer_cus_b4", "stripe_customer_cus_b5"])
        #expect(try harness.count("res.partner", [domainLeaf("name", "like", "Batch Customer")]) == 4)
    }

    @Test func errorClasses_fromTheSandbox() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        _ = try await connector.runOne(Self.usdInvoice("stripe_invoice_in_err"))

        let wrongKey = try harness.connector(apiKey: "not-the-key")
        let denied = await #expect(throws: ConnectorError.self) { try await wrongKey.checkConnection() }
        #expect(denied?.failureClass == .configuration)

        harness.sandbox.injectFault(OdooFault(.poolError, "The Connection Pool Is Full"), model: "account.move", method: "read")
        let pool = try await connector.run([Self.post("stripe_invoice_in_err")])
        #expect((try? pool[0].get()) == nil)
        if case .failure(let error) = pool[0] { #expect(error.failureClass == .transient) }

        harness.sandbox.injectFault(OdooFault(.serializationFailure, "could not serialize access due to concurrent update\n"), model: "account.move", method: "action_post")
        let serialization = try await connector.run([Self.post("stripe_invoice_in_err")])
        if case .failure(let error) = serialization[0] { #expect(error.code == "odoo_serialization_failure") } else { Issue.record("the injected failure was not reported") }

        harness.sandbox.injectFault(OdooFault(.userError, "You need to add a line before posting."), model: "account.move", method: "action_post")
        let business = try await connector.run([Self.post("stripe_invoice_in_err")])
        if case .failure(let error) = business[0] {
            #expect(error.failureClass == .business)
            #expect(error.targetMessage == "You need to add a line before posting.")
        } else { Issue.record("the injected UserError was not reported") }

        let moveID = try #require(try harness.call("account.move", "search", [[domainLeaf("ref", "=", "stripe_invoice_in_err")]])[0]?.int64Value)
        _ = try harness.call("account.move", "unlink", [[.number(JSONNumber(moveID))]])
        let missing = try await connector.run([TargetOperation(action: .cancel, model: "account.move", externalID: "stripe_invoice_in_err")])
        await harness.stop()
        if case .failure(let error) = missing[0] {
            #expect(error.failureClass == .business)
            #expect(error.code == "odoo_record_missing")
        } else { Issue.record("a deleted invoice was cancelled") }
    }

    @Test func odoo19_runsOverJSON2() async throws {
        let harness = try await SandboxHarness.start(version: .v19)
        let connector = try harness.connector()
        _ = try await connector.runOne(Self.customer)
        _ = try await connector.runOne(Self.usdInvoice("stripe_invoice_in_19"))
        _ = try await connector.runOne(Self.post("stripe_invoice_in_19"))
        let payment = try await connector.runOne(Operations.payment("stripe_payment_pi_19", invoice: "stripe_invoice_in_19", amount: Operations.usd(6385)))
        let again = try await connector.runOne(Operations.payment("stripe_payment_pi_19", invoice: "stripe_invoice_in_19", amount: Operations.usd(6385)))
        let description = try await connector.checkConnection()
        await harness.stop()

        #expect(description.contains("JSON-2"))
        #expect(payment.readBack["payment_state"] == "paid")
        #expect(again.effect == .unchanged)
        #expect(try harness.count("account.payment", []) == 1)
    }
}
