import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

/// Invoices in API version 2024-06-20 with proration, discounts, both kinds of tax, KWD and several pages of lines.
@Suite struct StripeInvoiceTranslationTests {
    static let vat: JSONValue = ["id": "txr_vat5", "object": "tax_rate", "display_name": "VAT", "percentage": .number(JSONNumber(literal: "5.0")!), "inclusive": false, "jurisdiction": "KW"]

    static let prorationLine: JSONValue = [
        "id": "il_A", "object": "line_item", "amount": -5000, "currency": "kwd", "description": "Unused time on Pro",
        "proration": true, "quantity": 1, "discount_amounts": [],
        "price": ["id": "price_pro", "product": "prod_pro", "unit_amount": 5000, "unit_amount_decimal": "5000", "currency": "kwd", "recurring": ["interval": "month", "interval_count": 1]],
        "tax_amounts": [["amount": -250, "inclusive": false, "tax_rate": "txr_vat5", "taxable_amount": -5000]],
        "period": ["start": 1_796_412_000, "end": 1_799_090_400],
    ]
    static let planLine: JSONValue = [
        "id": "il_B", "object": "line_item", "amount": 20000, "currency": "kwd", "description": "2 × Business",
        "proration": false, "quantity": 2, "subscription_item": "si_1",
        "price": ["id": "price_biz", "product": "prod_biz", "unit_amount": 10000, "unit_amount_decimal": "10000.5", "currency": "kwd", "recurring": ["interval": "month", "interval_count": 1]],
        "discount_amounts": [["amount": 2000, "discount": "di_1"]],
        "tax_amounts": [["amount": 900, "inclusive": false, "tax_rate": vat, "taxable_amount": 18000]],
    ]
    static let inclusiveLine: JSONValue = [
        "id": "il_C", "object": "line_item", "amount": 11000, "currency": "kwd", "description": "Setup",
        "proration": false, "quantity": 1, "discount_amounts": [],
        "tax_amounts": [["amount": 1000, "inclusive": true, "tax_rate": "txr_incl10", "taxable_amount": 10000]],
    ]

    static func invoice(embeddedLines: [JSONValue], hasMore: Bool) -> JSONValue {
        [
            "id": "in_kwd", "object": "invoice", "customer": "cus_kw", "currency": "kwd", "status": "open", "number": "ACME-0042",
            "subscription": "sub_kw", "created": 1_796_412_000, "billing_reason": "subscription_update",
            "lines": ["object": "list", "data": .array(embeddedLines), "has_more": .bool(hasMore), "url": "/v1/invoices/in_kwd/lines"],
            "subtotal": 26000, "total": 24650, "tax": 1650, "amount_due": 24650, "amount_paid": 0, "amount_remaining": 24650,
            "total_discount_amounts": [["amount": 2000, "discount": "di_1"]],
            "total_tax_amounts": [["amount": 650, "inclusive": false, "tax_rate": "txr_vat5"], ["amount": 1000, "inclusive": true, "tax_rate": "txr_incl10"]],
            "status_transitions": ["finalized_at": 1_796_412_010, "paid_at": nil, "voided_at": nil],
        ]
    }

    static func translate(_ invoice: JSONValue, transport: RecordedTransport) async throws -> CanonicalInvoice {
        let configuration = StripeTestSupport.configuration(version: "2024-06-20")
        let (connector, _) = try StripeTestSupport.connector(http: transport, configuration: configuration)
        let body = StripeTestSupport.eventBody(id: "evt_kwd", type: "invoice.finalized", created: 1_796_412_010, object: invoice, apiVersion: "2024-06-20")
        let event = try #require(try await connector.translate(StripeTestSupport.nativeEvent(body)).first)
        #expect(CanonicalInvariants.violations(of: event) == [])
        guard case .invoice(let translated) = event.object else { throw CancellationError() }
        return translated
    }

    static func page(_ lines: [JSONValue], hasMore: Bool) -> HTTPResponse {
        .json(200, ["object": "list", "data": .array(lines), "has_more": .bool(hasMore), "url": "/v1/invoices/in_kwd/lines"])
    }

    @Test func multiPageInvoice_fetchesRemainingLines() async throws {
        let transport = RecordedTransport(["GET /v1/invoices/in_kwd/lines": [
            Self.page([Self.planLine], hasMore: true), Self.page([Self.inclusiveLine], hasMore: false),
        ]])
        let invoice = try await Self.translate(Self.invoice(embeddedLines: [Self.prorationLine], hasMore: true), transport: transport)

        #expect(invoice.lines.map(\.id) == ["il_A", "il_B", "il_C"])
        let urls = transport.requests.map(\.url)
        #expect(urls.count == 2)
        #expect(urls[0].contains("starting_after=il_A"))
        #expect(urls[1].contains("starting_after=il_B"))
        #expect(transport.requests.allSatisfy { $0.headers["Stripe-Version"] == "2024-06-20" })
        #expect(transport.requests.allSatisfy { $0.headers["Authorization"] == "Bearer sk_test_fixture" })
    }

    @Test func prorationDiscountAndTaxes_keepSignsAndFlags() async throws {
        let invoice = try await Self.translate(
            Self.invoice(embeddedLines: [Self.prorationLine, Self.planLine, Self.inclusiveLine], hasMore: false), transport: RecordedTransport()
        )
        let proration = invoice.lines[0]
        #expect(proration.proration)
        #expect(proration.amount == Money(minorUnits: -5000, currency: "KWD"))
        #expect(proration.taxes.first?.amount == Money(minorUnits: -250, currency: "KWD"))
        #expect(proration.period != nil)

        let plan = invoice.lines[1]
        #expect(plan.quantity == ExactDecimal(2))
        #expect(plan.discountAmounts == [Money(minorUnits: 2000, currency: "KWD")])
        #expect(plan.unitAmountMinor == ExactDecimal(parsing: "10000.5"))
        #expect(plan.taxes.first?.inclusive == false)
        #expect(plan.taxes.first?.percentage == ExactDecimal(5))
        #expect(plan.taxes.first?.displayName == "VAT")
        #expect(plan.subscriptionItemID == "si_1")

        #expect(invoice.lines[2].taxes.first?.inclusive == true)
        #expect(invoice.subtotal == Money(minorUnits: 26000, currency: "KWD"))
        #expect(invoice.discountTotal == Money(minorUnits: 2000, currency: "KWD"))
        #expect(invoice.taxTotal == Money(minorUnits: 1650, currency: "KWD"))
        #expect(try invoice.total.decimalString() == "24.650")
        #expect(invoice.billingReason == "subscription_update")
        #expect(invoice.finalizedAt == Date(timeIntervalSince1970: 1_796_412_010))
    }

    @Test func legacyDiscountObject_derivesDiscountTotal() async throws {
        let line: JSONValue = ["id": "il_1", "amount": 2900, "currency": "eur", "quantity": 1, "proration": false]
        let credit: JSONValue = ["id": "il_2", "amount": -1450, "currency": "eur", "quantity": 1, "proration": true]
        let invoice: JSONValue = [
            "id": "in_eur", "customer": "cus_1", "currency": "eur", "date": 1_796_412_000, "paid": true,
            "lines": ["data": [line, credit], "has_more": false],
            "discount": ["coupon": ["id": "QUARTER", "percent_off": 25]],
            "subtotal": 1450, "total": 1088, "tax": nil, "amount_due": 1088, "amount_paid": 1088,
        ]
        let (connector, _) = try StripeTestSupport.connector()
        let body = StripeTestSupport.eventBody(id: "evt_eur", type: "invoice.payment_succeeded", created: 1_796_412_010, object: invoice)
        let event = try #require(try await connector.translate(StripeTestSupport.nativeEvent(body)).first)
        guard case .invoice(let translated) = event.object else { Issue.record("not an invoice"); return }
        #expect(CanonicalInvariants.violations(of: event) == [])
        #expect(translated.status == .paid)
        #expect(translated.discountTotal == Money(minorUnits: 362, currency: "EUR"))
        #expect(translated.amountRemaining == .zero("EUR"))
        #expect(translated.createdAt == Date(timeIntervalSince1970: 1_796_412_000))
    }

    @Test func totalAboveSubtotal_isBusinessError() async throws {
        let invoice: JSONValue = [
            "id": "in_bad", "customer": "cus_1", "currency": "eur", "created": 1, "status": "open",
            "lines": ["data": [["id": "il_1", "amount": 100, "currency": "eur"]], "has_more": false],
            "subtotal": 100, "total": 150, "amount_due": 150,
        ]
        let (connector, _) = try StripeTestSupport.connector()
        let body = StripeTestSupport.eventBody(id: "evt_bad", type: "invoice.finalized", created: 2, object: invoice)
        await #expect { try await connector.translate(StripeTestSupport.nativeEvent(body)) } throws: { error in
            (error as? ConnectorError)?.failureClass == .business
        }
    }
}
