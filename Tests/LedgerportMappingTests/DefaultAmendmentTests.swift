import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// Tests of the default mappings for refunds, credit notes and HubSpot deals, over events built with the SDK types.
@Suite struct DefaultAmendmentTests {
    static func mapping(_ name: String) -> Mapping {
        DefaultMappingTests.defaults.first { $0.name == name }!
    }

    static let at = TestSupport.instant("2026-12-31T23:30:00Z")

    @Test func refund_reversesItsInvoiceForTheRefundedAmount() throws {
        let refund = CanonicalRefund(id: "re_1Ab", paymentID: "pi_1", invoiceID: "in_1Ab", amount: Samples.money(1450, "EUR"), status: .succeeded, createdAt: Self.at)
        let operations = try MappingEvaluator.evaluate(Self.mapping("stripe_refund_to_odoo"), event: TestSupport.event(.refundCreated, .refund(refund)), context: TestSupport.context())
        #expect(operations.count == 1)
        #expect(operations[0].action == .reverse)
        #expect(operations[0].externalID == "stripe_refund_re_1ab")
        #expect(operations[0]["invoice"] == ["$ref": ["model": "account.move", "external_id": "stripe_invoice_in_1ab"]])
        #expect(operations[0]["amount"] == ["$money": ["minor_units": 1450, "currency": "EUR"]])
        #expect(operations[0]["date"] == ["$date": "2027-01-01"])
        #expect(operations[0]["reason"] == "Stripe refund re_1Ab")
        #expect(operations[0].expectations == [AmountExpectation(field: "amount_total", expected: Samples.money(1450, "EUR"))])
    }

    @Test func refundWithoutInvoice_isRejectedForAPerson() throws {
        let refund = CanonicalRefund(id: "re_2", chargeID: "ch_2", amount: Samples.money(15000, "USD"), status: .succeeded, createdAt: Self.at)
        let error = #expect(throws: MappingEvaluationError.self) {
            try MappingEvaluator.evaluate(Self.mapping("stripe_refund_to_odoo"), event: TestSupport.event(.refundCreated, .refund(refund)), context: TestSupport.context())
        }
        #expect(error?.code == .fieldRejected)
        #expect(error?.failureClass == .business)
        #expect(error?.hint == "the refund has no invoice to reverse; book it by hand in Odoo")
    }

    @Test func failedRefund_reversesNothing() throws {
        let refund = CanonicalRefund(id: "re_3", invoiceID: "in_1", amount: Samples.money(100, "EUR"), status: .failed, createdAt: Self.at)
        let operations = try MappingEvaluator.evaluate(Self.mapping("stripe_refund_to_odoo"), event: TestSupport.event(.refundCreated, .refund(refund)), context: TestSupport.context())
        #expect(operations.isEmpty)
    }

    static func creditNote(refundID: String?, status: CanonicalCreditNote.Status = .issued) -> CanonicalCreditNote {
        CanonicalCreditNote(
            id: "cn_1", number: "CN-0001", invoiceID: "in_1", customerID: "cus_1", status: status, currency: "KWD",
            lines: [
                .init(id: "cnl_1", invoiceLineID: "il_1", description: "Seat removed", quantity: ExactDecimal(2), amount: Samples.money(24690, "KWD")),
                .init(id: "cnl_2", description: "Goodwill", amount: Samples.money(1000, "KWD")),
            ],
            subtotal: Samples.money(25690, "KWD"), taxTotal: .zero("KWD"), total: Samples.money(25690, "KWD"),
            refundAmount: refundID == nil ? nil : Samples.money(25690, "KWD"), refundID: refundID, reason: "product_unsatisfactory", createdAt: Self.at
        )
    }

    @Test func partialCreditNote_reversesLineByLine() throws {
        let operations = try MappingEvaluator.evaluate(
            Self.mapping("stripe_credit_note_to_odoo"), event: TestSupport.event(.creditNoteCreated, .creditNote(Self.creditNote(refundID: nil))), context: TestSupport.context()
        )
        #expect(operations.map(\.action) == [.reverse])
        #expect(operations[0].externalID == "stripe_credit_note_cn_1")
        #expect(operations[0]["lines"] == [
            ["external_id": "stripe_credit_note_line_cnl_1", "name": "Seat removed", "quantity": ["$decimal": "2"], "price_unit": ["$decimal": "12.345"], "taxes": []],
            ["external_id": "stripe_credit_note_line_cnl_2", "name": "Goodwill", "quantity": ["$decimal": "1"], "price_unit": ["$decimal": "1.000"], "taxes": []],
        ])
        #expect(operations[0].expectations.first?.expected == Samples.money(25690, "KWD"))
    }

    @Test func creditNoteWithRefund_sharesTheRefundsExternalID() throws {
        let credit = try MappingEvaluator.evaluate(
            Self.mapping("stripe_credit_note_to_odoo"), event: TestSupport.event(.creditNoteCreated, .creditNote(Self.creditNote(refundID: "re_9"))), context: TestSupport.context()
        )
        let refund = CanonicalRefund(id: "re_9", invoiceID: "in_1", amount: Samples.money(25690, "KWD"), status: .succeeded, createdAt: Self.at)
        let refunded = try MappingEvaluator.evaluate(Self.mapping("stripe_refund_to_odoo"), event: TestSupport.event(.refundCreated, .refund(refund)), context: TestSupport.context())
        #expect(credit[0].externalID == "stripe_refund_re_9")
        #expect(credit[0].externalID == refunded[0].externalID)
        #expect(credit[0].expectations == refunded[0].expectations)
    }

    @Test func voidedCreditNote_isCancelled() throws {
        let operations = try MappingEvaluator.evaluate(
            Self.mapping("stripe_credit_note_to_odoo"), event: TestSupport.event(.creditNoteVoided, .creditNote(Self.creditNote(refundID: nil, status: .void))), context: TestSupport.context()
        )
        #expect(operations.map(\.action) == [.cancel])
        #expect(operations[0].externalID == "stripe_credit_note_cn_1")
    }

    static func deal(customer: CanonicalCustomer?) -> CanonicalDeal {
        CanonicalDeal(
            id: "9001", name: "Gulf Logistics expansion", stage: "closedwon", isClosedWon: true, amount: Samples.money(22221, "KWD"),
            closeDate: "2026-12-31", customer: customer,
            lineItems: [
                .init(id: "li_1", productID: "hs_prod_7", sku: "PRO-SEAT", name: " Pro seat ", quantity: ExactDecimal(3), unitPrice: Samples.money(8230, "KWD"),
                    discountPercent: ExactDecimal(10), recurrence: Recurrence(interval: .month)),
                .init(id: "li_2", name: "Onboarding", quantity: ExactDecimal(1), unitPrice: Samples.money(0, "KWD")),
            ]
        )
    }

    @Test func closedWonDeal_becomesCustomerAndConfirmedOrder() throws {
        // The HubSpot connector names a company customer "company:<id>" and its contacts by their own ids.
        let customer = CanonicalCustomer(
            id: "company:123", kind: .company, name: "Gulf Logistics", email: " Finance@Gulf.Example ",
            address: PostalAddress(city: "Kuwait City", country: "kw"), contacts: [.init(id: "77", name: "Layla Haddad", email: "Layla@Gulf.Example")]
        )
        let operations = try MappingEvaluator.evaluate(
            Self.mapping("hubspot_deal_to_odoo"), event: TestSupport.event(.dealClosedWon, .deal(Self.deal(customer: customer))), context: TestSupport.context("Asia/Kuwait")
        )
        #expect(operations.map(\.action) == [.upsert, .upsert, .upsert, .upsert, .upsert, .confirmOrder])
        #expect(operations[0].externalID == "hubspot_company_123")
        #expect(operations[0]["email"] == "finance@gulf.example")
        #expect(operations[0]["country_code"] == "KW")
        #expect(operations[1].externalID == "hubspot_contact_77")
        #expect(operations[1]["parent"] == ["$ref": ["model": "res.partner", "external_id": "hubspot_company_123"]])
        #expect(operations[1]["email"] == "layla@gulf.example")
        #expect(operations.filter { $0.model == "product.product" }.map(\.externalID) == ["hubspot_product_hs_prod_7", "hubspot_product_onboarding"])

        let order = operations[4]
        #expect(order.externalID == "hubspot_deal_9001")
        #expect(order["partner"] == ["$ref": ["model": "res.partner", "external_id": "hubspot_company_123"]])
        #expect(order["currency"] == "KWD")
        #expect(order["date_order"] == ["$date": "2026-12-31"])
        #expect(order["lines"]?[0]?["price_unit"] == ["$decimal": "8.230"])
        #expect(order["lines"]?[0]?["discount"] == ["$decimal": "10"])
        #expect(order["lines"]?[0]?["name"] == "Pro seat")
        // 3 × 8.230 KWD less 10 % is 22.221 KWD; the onboarding line is free.
        #expect(order.expectations == [AmountExpectation(field: "amount_total", expected: Samples.money(22221, "KWD"))])
    }

    @Test func dealWithoutCustomer_isRejected() throws {
        let error = #expect(throws: MappingEvaluationError.self) {
            try MappingEvaluator.evaluate(Self.mapping("hubspot_deal_to_odoo"), event: TestSupport.event(.dealClosedWon, .deal(Self.deal(customer: nil))), context: TestSupport.context())
        }
        #expect(error?.code == .fieldRejected)
        #expect(error?.hint.contains("associate one in HubSpot") == true)
    }
}
