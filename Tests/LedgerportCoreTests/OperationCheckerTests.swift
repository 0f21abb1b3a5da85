import LedgerportJSONSchema
import LedgerportSDK
import Testing

@testable import LedgerportCore

@Suite struct OperationCheckerTests {
    private let checker: OperationChecker = {
        let (loaded, _) = repositoryLoader.loadFile(Checkout.specsDirectory + "/odoo/1.0.0.json")
        return OperationChecker(spec: loaded!.spec)
    }()

    private func invoiceLine(_ fields: [String: TargetValue] = [:]) -> TargetValue {
        var line: [String: TargetValue] = [
            "external_id": .string("stripe_invoice_line_il_1"),
            "name": .string("Connector Pro"),
            "quantity": .decimal(ExactDecimal(1)),
            "price_unit": .decimal(ExactDecimal(significand: 2900, scale: 2)),
            "taxes": .list([.string("VAT 19%")]),
        ]
        line.merge(fields) { _, new in new }
        return .record(line)
    }

    private func invoiceUpsert(_ values: [String: TargetValue] = [:], removing removed: [String] = []) -> TargetOperation {
        var all: [String: TargetValue] = [
            "partner": .reference(TargetReference(model: "res.partner", externalID: "stripe_customer_cus_1")),
            "currency": .string("EUR"),
            "lines": .list([invoiceLine()]),
            "invoice_date": .date("2026-12-04"),
        ]
        all.merge(values) { _, new in new }
        for name in removed {
            all[name] = nil
        }
        let expectation = AmountExpectation(field: "amount_total", expected: Money(minorUnits: 2900, currency: "EUR"))
        return TargetOperation(action: .upsert, model: "account.move", externalID: "stripe_invoice_in_1", values: all, expectations: [expectation])
    }

    @Test func validInvoiceUpsert_hasNoIssues() {
        #expect(checker.check(invoiceUpsert()).map(\.description) == [])
    }

    @Test func missingRequiredValue_namesValueAndKind() throws {
        let issues = checker.check(invoiceUpsert(removing: ["partner"]), file: "mapping.json")
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.rule == "missing_value")
        #expect(issue.file == "mapping.json")
        #expect(issue.pointer.description == "/values/partner")
        #expect(issue.fix == #"add the required value "partner" (reference to "res.partner")"#)
    }

    @Test func nullRequiredValue_countsAsMissing() {
        let issues = checker.check(invoiceUpsert(["currency": .null]))
        #expect(issues.map(\.rule) == ["missing_value"])
    }

    @Test func missingLineField_pointsIntoTheLine() {
        let line: TargetValue = .record(["external_id": .string("l1"), "name": .string("x"), "price_unit": .decimal(ExactDecimal(1))])
        let issues = checker.check(invoiceUpsert(["lines": .list([invoiceLine(), line])]))
        #expect(issues.map(\.pointer.description) == ["/values/lines/1/quantity"])
        #expect(issues.map(\.rule) == ["missing_value"])
    }

    @Test func wrongValueKind_explainsTheForm() throws {
        let issues = checker.check(invoiceUpsert(["lines": .list([invoiceLine(["quantity": .integer(1)])])]))
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.rule == "value_kind")
        #expect(issue.pointer.description == "/values/lines/0/quantity")
        #expect(issue.message == "expected decimal but found integer 1")
        #expect(issue.fix == #"write the value as {"$decimal": "12.345"}"#)
    }

    @Test func referenceToWrongModel_isRejected() {
        let wrong = TargetValue.reference(TargetReference(model: "account.move", externalID: "x"))
        let issues = checker.check(invoiceUpsert(["partner": wrong]))
        #expect(issues.map(\.pointer.description) == ["/values/partner/model"])
    }

    @Test func referenceWithoutModelInSpec_acceptsAnySpecModel() {
        let activity = TargetOperation(action: .addActivity, model: "mail.activity", externalID: "dunning_in_1_level_1", values: [
            "record": .reference(TargetReference(model: "account.move", externalID: "stripe_invoice_in_1")),
            "summary": .string("Payment reminder"),
        ])
        #expect(checker.check(activity).isEmpty)

        var elsewhere = activity
        elsewhere.values["record"] = .reference(TargetReference(model: "crm.lead", externalID: "x"))
        #expect(checker.check(elsewhere).map(\.rule) == ["value_kind"])
    }

    @Test func stringOutsideEnumOrPattern_isRejected() {
        let issues = checker.check(invoiceUpsert(["move_type": .string("in_invoice"), "currency": .string("eur")]))
        #expect(issues.map(\.pointer.description) == ["/values/currency", "/values/move_type"])
        #expect(issues.allSatisfy { $0.rule == "value_kind" })
    }

    @Test func invalidDate_isRejected() {
        let issues = checker.check(invoiceUpsert(["invoice_date": .date("2026-02-30")]))
        #expect(issues.map(\.message) == [#"date "2026-02-30" is not a date (YYYY-MM-DD)"#])
    }

    @Test func unknownValue_suggestsKnownName() throws {
        let issues = checker.check(invoiceUpsert(["invoice_dat": .date("2026-12-04")]))
        let issue = try #require(issues.first)
        #expect(issue.rule == "unknown_value")
        #expect(issue.fix.hasPrefix(#"did you mean "invoice_date"? remove it; known values are"#))
    }

    @Test func unknownModelAndAction_areRejected() {
        var operation = invoiceUpsert()
        operation.model = "account.moves"
        #expect(checker.check(operation).map(\.rule) == ["unknown_model"])
        #expect(checker.check(operation).first?.fix.hasPrefix(#"did you mean "account.move"? "#) == true)

        operation = TargetOperation(action: .registerPayment, model: "account.move", externalID: "x")
        #expect(checker.check(operation).map(\.rule) == ["unsupported_action"])
    }

    @Test func externalIDOutsidePattern_isRejected() {
        var operation = invoiceUpsert()
        operation.externalID = "Stripe-Invoice-IN_1"
        #expect(checker.check(operation).map(\.pointer.description) == ["/external_id"])
    }

    @Test func expectationNotReadBack_isRejected() {
        var operation = invoiceUpsert()
        operation.expectations = [AmountExpectation(field: "amount_paid", expected: Money(minorUnits: 1, currency: "EUR"))]
        let issues = checker.check(operation)
        #expect(issues.map(\.pointer.description) == ["/expectations/0/field"])
        #expect(issues.map(\.rule) == ["expectation_field"])
    }

    @Test func paymentRegistration_requiresMoneyAmount() {
        let payment = TargetOperation(action: .registerPayment, model: "account.payment", externalID: "stripe_payment_pi_1", values: [
            "invoice": .reference(TargetReference(model: "account.move", externalID: "stripe_invoice_in_1")),
            "amount": .decimal(ExactDecimal(29)),
        ])
        let issues = checker.check(payment)
        #expect(issues.map(\.rule) == ["value_kind"])
        #expect(issues.first?.message == "expected money but found decimal 29")
    }

    @Test func actionWithoutValues_rejectsAnyValue() {
        let post = TargetOperation(action: .post, model: "account.move", externalID: "stripe_invoice_in_1", values: ["force": .bool(true)])
        let issues = checker.check(post)
        #expect(issues.map(\.rule) == ["unknown_value"])
        #expect(issues.first?.fix == "remove it; this action takes no values")
    }
}
