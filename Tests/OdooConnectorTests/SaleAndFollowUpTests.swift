import LedgerportSDK
import Testing
@testable import OdooConnector

/// Sales orders, activities, tags, archiving and state reads.
struct SaleAndFollowUpTests {
    let odoo = MiniOdoo()
    let partnerID: Int64
    let invoiceID: Int64

    init() {
        partnerID = odoo.seed("res.partner", ["name": "Acme GmbH", "active": true, "category_id": []], externalID: "ledgerport_acme.stripe_customer_cus_1")
        odoo.seed("product.product", ["name": "Pro Plan"], externalID: "ledgerport_acme.stripe_product_prod_1")
        invoiceID = odoo.seed("account.move", [
            "name": "INV/2026/00001", "state": "posted", "move_type": "out_invoice", "partner_id": .number(JSONNumber(partnerID)), "currency_id": 1,
            "amount_total": 100, "amount_residual": 100, "payment_state": "not_paid", "invoice_origin": "ledgerport_acme.stripe_invoice_in_1",
        ], externalID: "ledgerport_acme.stripe_invoice_in_1")
    }

    var order: TargetOperation {
        TargetOperation(action: .upsert, model: "sale.order", externalID: "hubspot_deal_1", values: [
            "partner": Operations.reference("res.partner", "stripe_customer_cus_1"), "client_order_ref": .string("deal 1"),
            "lines": .list([.record([
                "product": Operations.reference("product.product", "stripe_product_prod_1"), "name": .string("Pro Plan (monthly)"),
                "product_uom_qty": Operations.decimal("3"), "price_unit": Operations.decimal("49.00"), "taxes": .list([.string("15%")]),
            ])]),
        ], expectations: [AmountExpectation(field: "amount_total", expected: Operations.usd(16_905))])
    }

    @Test func orderUpsertAndConfirm_createOneConfirmedOrder() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let confirm = TargetOperation(action: .confirmOrder, model: "sale.order", externalID: "hubspot_deal_1")

        let created = try await connector.runOne(order)
        let again = try await connector.runOne(order)
        let confirmed = try await connector.runOne(confirm)
        let confirmedAgain = try await connector.runOne(confirm)

        #expect(created.effect == .created)
        #expect(again.effect == .unchanged)
        #expect(confirmed.effect == .updated)
        #expect(confirmedAgain.effect == .unchanged)
        #expect(odoo.all("sale.order").count == 1)
        #expect(odoo.all("sale.order.line").count == 1)
    }

    @Test func confirmedOrderThatDiffers_isBusinessError() async throws {
        let connector = try TestConnection.connector(odoo.server)
        _ = try await connector.runOne(order)
        _ = try await connector.runOne(TargetOperation(action: .confirmOrder, model: "sale.order", externalID: "hubspot_deal_1"))
        var changed = order
        changed.values["client_order_ref"] = .string("deal 1 renewed")
        changed.expectations = []

        let outcomes = try await connector.run([changed])

        guard case .failure(let error) = outcomes[0] else { Issue.record("a confirmed order was rewritten"); return }
        #expect(error.code == "odoo_confirmed_order_differs")
    }

    @Test func activity_createdOncePerExternalID() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let activity = TargetOperation(action: .addActivity, model: "mail.activity", externalID: "stripe_dunning_in_1_1", values: [
            "record": Operations.reference("account.move", "stripe_invoice_in_1"), "summary": .string("Dunning level 1"),
            "date_deadline": .date("2026-12-11"),
        ])

        let first = try await connector.runOne(activity)
        let second = try await connector.runOne(activity)

        #expect(first.effect == .created)
        #expect(second.effect == .unchanged)
        let stored = odoo.all("mail.activity")
        #expect(stored.count == 1)
        #expect(stored.first?["res_model_id"] == 443)
        #expect(stored.first?["res_id"] == .string(String(invoiceID)))
    }

    @Test func tagOnInvoice_tagsCustomerOnce() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let tag = TargetOperation(action: .addTag, model: "account.move", externalID: "stripe_invoice_in_1", values: ["tag": .string("Payment failed")])

        let first = try await connector.runOne(tag)
        let second = try await connector.runOne(tag)

        #expect(first.effect == .updated)
        #expect(second.effect == .unchanged)
        #expect(odoo.record("res.partner", partnerID)?["category_id"]?.arrayValue?.count == 1)
    }

    @Test func archive_isIdempotentAndUnknownIsNoOp() async throws {
        let connector = try TestConnection.connector(odoo.server)
        let archive = TargetOperation(action: .archive, model: "res.partner", externalID: "stripe_customer_cus_1")

        let first = try await connector.runOne(archive)
        let second = try await connector.runOne(archive)
        let unknown = try await connector.runOne(TargetOperation(action: .archive, model: "res.partner", externalID: "stripe_customer_cus_none"))

        #expect(first.effect == .updated)
        #expect(second.effect == .unchanged)
        #expect(unknown.effect == .unchanged)
        #expect(odoo.record("res.partner", partnerID)?["active"] == false)
    }

    @Test func readState_returnsTotalsAndNilForUnknown() async throws {
        let connector = try TestConnection.connector(odoo.server)

        let state = try await connector.readState(of: TargetReference(model: "account.move", externalID: "stripe_invoice_in_1"), fields: [])
        let unknown = try await connector.readState(of: TargetReference(model: "account.move", externalID: "stripe_invoice_in_404"), fields: [])

        #expect(state?.targetRecordID == "account.move,\(invoiceID)")
        #expect(state?.fields["name"] == "INV/2026/00001")
        #expect(state?.fields["payment_state"] == "not_paid")
        #expect(unknown == nil)
    }
}
