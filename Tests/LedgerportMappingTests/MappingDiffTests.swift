import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct MappingDiffTests {
    static let paymentMapping = DefaultMappingTests.defaults.first { $0.name == "stripe_payment_to_odoo" }!

    /// Version 1.1.0 of the payment mapping: euro payments only, booked in BNK2.
    static func euroOnly() throws -> Mapping {
        let condition: JSONValue = ["and": [
            ["eq": [["path": "object.status"], "succeeded"]], ["is_present": "object.invoice_id"],
            ["eq": [["currency_of": ["path": "object.amount"]], "EUR"]],
        ]]
        let document = paymentMapping.document
            .setting("/version", to: "1.1.0")
            .setting("/lookups/payment_journal/default", to: ["value": "BNK2"])
            .setting("/operations/1/when", to: condition)
        return try Mapping(document: document, file: "payment-1.1.0.json", environment: TestSupport.environment)
    }

    static func recordedPaymentEvents() async throws -> [EventDocument] {
        try await RecordedStripeEvents.all().filter { $0.event.object.objectType == .payment }.map { file, event in
            EventDocument(origin: file, json: try JSONValueEncoder().encode(event))
        }
    }

    @Test func diff_showsRemovedAndChangedOperations() async throws {
        let diff = try MappingDiff.compute(from: Self.paymentMapping, to: Self.euroOnly(), events: await Self.recordedPaymentEvents(), context: TestSupport.context())
        let counts = diff.counts
        #expect(counts.removed == 2)
        #expect(counts.changed == 3)
        #expect(counts.added == 0)
        #expect(counts.unchanged == 5 + 3)

        let yen = diff.events.first { $0.eventID == "evt_hLpwPBY8yF2lRt" }!
        #expect(yen.changes.map(\.kind) == [.removed])
        #expect(yen.changes.first?.externalID == "stripe_payment_pi_hpiw791sz3oapk")

        let euro = diff.events.first { $0.eventID == "evt_AcKyw6RF88I8cN" }!
        #expect(euro.changes.first?.fields == [FieldChange(path: "values/journal_code", from: nil, to: "BNK2")])
    }

    @Test func diff_sumsAmountsPerCurrency() async throws {
        let diff = try MappingDiff.compute(from: Self.paymentMapping, to: Self.euroOnly(), events: await Self.recordedPaymentEvents(), context: TestSupport.context())
        let amounts = Dictionary(uniqueKeysWithValues: diff.amounts.map { ($0.currency.rawValue, ($0.from.minorUnits, $0.to.minorUnits)) })
        #expect(amounts["EUR"]?.0 == 99000)
        #expect(amounts["EUR"]?.1 == 99000)
        #expect(amounts["USD"]?.0 == 3200)
        #expect(amounts["USD"]?.1 == 0)
        #expect(amounts["JPY"]?.0 == 4500)
        #expect(amounts["JPY"]?.1 == 0)
    }

    @Test func diffText_readsAsAReview() async throws {
        let diff = try MappingDiff.compute(from: Self.paymentMapping, to: Self.euroOnly(), events: await Self.recordedPaymentEvents(), context: TestSupport.context())
        let text = diff.text
        #expect(text.hasPrefix("diff stripe_payment_to_odoo 1.0.0 (sha256:"))
        #expect(text.contains("  - register_payment account.payment stripe_payment_pi_3otor9jvxaxen2\n"))
        #expect(text.contains("  ~ register_payment account.payment stripe_payment_pi_i7vsqisloqii14\n      values/journal_code: (not sent) -> \"BNK2\"\n"))
        #expect(text.contains("  USD: 32.00 USD -> 0.00 USD (change -32.00 USD)\n"))
        #expect(text.contains("  JPY: 4500 JPY -> 0 JPY (change -4500 JPY)\n"))
        #expect(text.hasSuffix("8 events, 13 operations: 0 added, 2 removed, 3 changed, 8 unchanged\n"))
        #expect(!diff.contentChangedWithoutNewVersion)
        #expect(diff.json["amounts"]?[1]?["currency"] == "JPY")
    }

    @Test func sameVersionWithNewContent_isFlagged() async throws {
        let document = Self.paymentMapping.document.setting("/lookups/payment_journal/default", to: ["value": "BNK2"])
        let edited = try Mapping(document: document, file: "edited.json", environment: TestSupport.environment)
        let diff = try MappingDiff.compute(from: Self.paymentMapping, to: edited, events: await Self.recordedPaymentEvents(), context: TestSupport.context())
        #expect(diff.contentChangedWithoutNewVersion)
        #expect(diff.text.contains("warning: the content changed but the version did not"))
    }

    @Test func identicalMappings_haveNoChanges() async throws {
        let diff = try MappingDiff.compute(from: Self.paymentMapping, to: Self.paymentMapping, events: await Self.recordedPaymentEvents(), context: TestSupport.context())
        #expect(diff.events.allSatisfy { $0.changes.isEmpty })
        #expect(diff.amounts.allSatisfy { $0.from == $0.to })
    }
}

/// Operation amounts: what each operation adds to the totals per currency that a board reviews.
@Suite struct OperationAmountTests {
    private func euros(_ cents: Int64) -> Money {
        Money(minorUnits: cents, currency: CurrencyCode("EUR"))
    }

    @Test func invoiceWithTax_countsItsTotalOnly() {
        let invoice = TargetOperation(
            action: .upsert, model: "account.move", externalID: "stripe_invoice_in_1",
            values: ["amount_hint": .money(euros(10_000))],
            expectations: [AmountExpectation(field: "amount_total", expected: euros(11_500)), AmountExpectation(field: "amount_tax", expected: euros(1_500))])

        #expect(invoice.amounts == [euros(11_500)])
    }

    @Test func invoiceOfSeveralEvents_countsOnceWithItsNewestTotal() {
        func invoice(_ total: Int64) -> TargetOperation {
            TargetOperation(
                action: .upsert, model: "account.move", externalID: "stripe_invoice_in_1",
                expectations: [AmountExpectation(field: "amount_total", expected: euros(total))])
        }
        let post = TargetOperation(action: .post, model: "account.move", externalID: "stripe_invoice_in_1")
        let payments = ["stripe_payment_pi_1", "stripe_payment_pi_2"].map {
            TargetOperation(action: .registerPayment, model: "account.payment", externalID: $0, values: ["amount": .money(euros(5_000))])
        }

        let amounts = ([invoice(10_000), post, invoice(11_500), post] + payments + [invoice(11_500)]).amountsPerRecord

        #expect(amounts == [euros(11_500), euros(5_000), euros(5_000)])
    }

    @Test func paymentWithoutTotal_countsItsMoneyValues() {
        let payment = TargetOperation(
            action: .registerPayment, model: "account.payment", externalID: "stripe_payment_pi_1", values: ["amount": .money(euros(11_500))])

        #expect(payment.amounts == [euros(11_500)])
    }
}
