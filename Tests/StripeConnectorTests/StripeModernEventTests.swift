import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

/// Events in API version 2024-06-20 that localstripe does not emit, built in the shapes Stripe documents.
@Suite struct StripeModernEventTests {
    static let version = "2024-06-20"

    static func translate(_ type: String, _ object: JSONValue, created: Int64 = 1_796_413_000, transport: RecordedTransport = RecordedTransport()) async throws -> [CanonicalEvent] {
        let (connector, _) = try StripeTestSupport.connector(http: transport, configuration: StripeTestSupport.configuration(version: version))
        let body = StripeTestSupport.eventBody(id: "evt_\(type)", type: type, created: created, object: object, apiVersion: version)
        let events = try await connector.translate(StripeTestSupport.nativeEvent(body))
        for event in events {
            #expect(CanonicalInvariants.violations(of: event) == [])
        }
        return events
    }

    @Test func paymentIntentWithLatestChargeID_translates() async throws {
        let intent: JSONValue = [
            "id": "pi_modern", "object": "payment_intent", "amount": 15000, "amount_received": 15000, "currency": "usd",
            "customer": "cus_modern", "invoice": "in_modern", "latest_charge": "ch_modern", "payment_method_types": ["card"],
            "status": "succeeded", "created": 1_796_412_990, "metadata": ["odoo_invoice": "INV/2026/00123"],
        ]
        let event = try #require(try await Self.translate("payment_intent.succeeded", intent).first)
        guard case .payment(let payment) = event.object else { Issue.record("not a payment"); return }
        #expect(payment.chargeID == "ch_modern")
        #expect(payment.method == "card")
        #expect(payment.amount == Money(minorUnits: 15000, currency: "USD"))
        #expect(event.ordering.key == "invoice:in_modern")
        #expect(payment.metadata["odoo_invoice"] == "INV/2026/00123")
    }

    @Test func refundCreated_fetchesChargeForInvoice() async throws {
        let charge: JSONValue = ["id": "ch_modern", "object": "charge", "amount": 15000, "currency": "usd", "customer": "cus_modern", "invoice": "in_modern", "payment_intent": "pi_modern", "status": "succeeded", "created": 1_796_412_990]
        let transport = RecordedTransport(["GET /v1/charges/ch_modern": [.json(200, charge)]])
        let refund: JSONValue = ["id": "re_modern", "object": "refund", "amount": 2500, "currency": "usd", "charge": "ch_modern", "payment_intent": "pi_modern", "status": "pending", "created": 1_796_413_000, "reason": "requested_by_customer"]

        let event = try #require(try await Self.translate("refund.created", refund, transport: transport).first)

        guard case .refund(let translated) = event.object else { Issue.record("not a refund"); return }
        #expect(event.id == "re_modern:pending")
        #expect(translated.invoiceID == "in_modern")
        #expect(translated.status == .pending)
        #expect(translated.amount == Money(minorUnits: 2500, currency: "USD"))
        #expect(event.ordering.key == "invoice:in_modern")
        #expect(transport.requests.count == 1)
    }

    @Test func creditNote_creditsInvoiceWithTaxes() async throws {
        let note: JSONValue = [
            "id": "cn_1", "object": "credit_note", "number": "ACME-0042-CN-01", "invoice": "in_kwd", "customer": "cus_kw",
            "currency": "kwd", "status": "issued", "created": 1_796_413_000, "reason": "product_unsatisfactory", "memo": "Goodwill",
            "subtotal": 5000, "total": 5250, "refund": "re_cn",
            "tax_amounts": [["amount": 250, "inclusive": false, "tax_rate": "txr_vat5"]],
            "lines": ["object": "list", "has_more": false, "data": [[
                "id": "cnli_1", "object": "credit_note_line_item", "invoice_line_item": "il_B", "description": "Business", "quantity": 1,
                "amount": 5000, "tax_amounts": [["amount": 250, "inclusive": false, "tax_rate": "txr_vat5"]],
            ]]],
        ]
        let event = try #require(try await Self.translate("credit_note.created", note).first)
        guard case .creditNote(let translated) = event.object else { Issue.record("not a credit note"); return }
        #expect(event.type == .creditNoteCreated)
        #expect(event.ordering.key == "invoice:in_kwd")
        #expect(translated.total == Money(minorUnits: 5250, currency: "KWD"))
        #expect(translated.taxTotal == Money(minorUnits: 250, currency: "KWD"))
        #expect(translated.lines.first?.invoiceLineID == "il_B")
        #expect(translated.refundID == "re_cn")
        #expect(translated.status == .issued)
    }

    @Test func voidedCreditNote_isCreditNoteVoided() async throws {
        let note: JSONValue = ["id": "cn_2", "invoice": "in_1", "currency": "eur", "status": "void", "created": 1, "voided_at": 2, "subtotal": 100, "total": 100, "lines": ["data": []]]
        let event = try #require(try await Self.translate("credit_note.voided", note).first)
        #expect(event.type == .creditNoteVoided)
        guard case .creditNote(let translated) = event.object else { Issue.record("not a credit note"); return }
        #expect(translated.status == .void)
    }
}
