import Foundation
import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// Cancelling, resetting and re-posting invoices, and confirming and invoicing sales orders.
@Suite struct DocumentLifecycleTests {
    private let line = #"[[0, 0, {"name": "Pro Plan", "quantity": 1, "price_unit": 49.0, "tax_ids": [[6, 0, [1]]]}]]"#

    @Test func postedInvoice_keepsItsNumberThroughCancelAndRepost() throws {
        let harness = try SandboxHarness()
        let partner = try harness.createPartner()
        let first = try harness.createInvoice(partner: partner, lines: line)
        let second = try harness.createInvoice(partner: partner, lines: line)
        try harness.post(first, second)
        let name = try harness.read("account.move", second, ["name"])["name"]

        _ = try harness.call("account.move", "button_cancel", "[[\(second)]]")
        _ = try harness.call("account.move", "button_draft", "[[\(second)]]")
        _ = try harness.call("account.move", "write", "[[\(second)], {\"invoice_date\": \"2027-01-02\"}]")
        try harness.post(second)

        #expect(name == "INV/2026/00002")
        #expect(try harness.read("account.move", second, ["name", "posted_before"])["name"] == name)
    }

    @Test func cancelledInvoice_cannotBeCancelledAgainButCanBeDeleted() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(partner: try harness.createPartner(), lines: line)
        try harness.post(invoice)

        let deletePosted = harness.failure("account.move", "unlink", "[[\(invoice)]]")
        _ = try harness.call("account.move", "button_cancel", "[[\(invoice)]]")
        let cancelTwice = harness.failure("account.move", "button_cancel", "[[\(invoice)]]")
        let deleted = try harness.call("account.move", "unlink", "[[\(invoice)]]")

        #expect(deletePosted.name == "odoo.exceptions.UserError")
        #expect(cancelTwice.message == "Only draft journal entries can be cancelled.")
        #expect(deleted == true)
        #expect(try harness.call("account.move", "read", "[[\(invoice)]]") == [])
    }

    @Test func confirmation_overwritesOrderDate() throws {
        let harness = try SandboxHarness()
        let partner = try harness.createPartner()
        let product = try harness.call("product.product", "create", #"[{"name": "Pro Plan", "type": "service", "list_price": 49.0, "taxes_id": [[6, 0, [1]]]}]"#)
        let order = try harness.call("sale.order", "create", #"""
            [{"partner_id": \#(partner), "date_order": "2026-12-04 10:00:00", "client_order_ref": "sub_1",
              "order_line": [[0, 0, {"product_id": \#(product), "product_uom_qty": 3, "price_unit": 49.0}],
                             [0, 0, {"product_id": \#(product), "product_uom_qty": 1, "price_unit": 19.6, "discount": 10.0}]]}]
            """#).intValue!
        harness.clock.advance(seconds: 3_600)

        #expect(try harness.call("sale.order", "action_confirm", "[[\(order)]]") == true)
        let confirmed = try harness.read("sale.order", order, ["name", "state", "date_order", "amount_total", "invoice_status"])
        let again = harness.failure("sale.order", "action_confirm", "[[\(order)]]")

        #expect(confirmed["name"] == "S00001")
        #expect(confirmed["state"] == "sale")
        #expect(confirmed["date_order"] == "2026-12-04 13:00:00")
        #expect(confirmed["amount_total"]?.decimalText == "189.34")
        #expect(confirmed["invoice_status"] == "to invoice")
        #expect(again.message == "The following orders are not in a state requiring confirmation: S00001")
    }

    @Test func invoicingWizard_invoicesOrderOnceOnly() throws {
        let harness = try SandboxHarness()
        let partner = try harness.createPartner()
        let product = try harness.call("product.product", "create", #"[{"name": "Pro Plan", "type": "service", "list_price": 49.0, "taxes_id": [[6, 0, [1]]]}]"#)
        let order = try harness.call("sale.order", "create", #"[{"partner_id": \#(partner), "order_line": [[0, 0, {"product_id": \#(product), "product_uom_qty": 2}]]}]"#).intValue!
        _ = try harness.call("sale.order", "action_confirm", "[[\(order)]]")
        let context = #"{"context": {"active_model": "sale.order", "active_ids": [\#(order)], "active_id": \#(order)}}"#

        let wizard = try harness.call("sale.advance.payment.inv", "create", #"[{"advance_payment_method": "delivered"}]"#, context)
        let action = try harness.call("sale.advance.payment.inv", "create_invoices", "[[\(wizard)]]", context)
        let invoice = try #require(action["res_id"]?.intValue)
        let second = try harness.call("sale.advance.payment.inv", "create", #"[{"advance_payment_method": "delivered"}]"#, context)
        let again = harness.failure("sale.advance.payment.inv", "create_invoices", "[[\(second)]]", context)

        let draft = try harness.read("account.move", invoice, ["state", "amount_total", "invoice_origin"])
        #expect(draft["state"] == "draft")
        #expect(draft["amount_total"]?.decimalText == "112.7")
        #expect(draft["invoice_origin"] == "S00001")
        #expect(try harness.read("sale.order", order, ["invoice_status"])["invoice_status"] == "invoiced")
        #expect(again.message.hasPrefix("Cannot create an invoice. No items are available to invoice."))
    }

    @Test func dunningActivity_isScheduledOnInvoice() throws {
        let harness = try SandboxHarness()
        let invoice = try harness.createInvoice(partner: try harness.createPartner(), lines: line)
        try harness.post(invoice)

        let activity = try harness.call(
            "account.move", "activity_schedule", "[[\(invoice)]]",
            #"{"act_type_xmlid": "mail.mail_activity_data_todo", "date_deadline": "2026-12-18", "summary": "Dunning level 1", "note": "Call the customer"}"#
        )
        let message = try harness.call("account.move", "message_post", "[[\(invoice)]]", #"{"body": "Reminder <b>1</b>"}"#)
        let fields = try harness.read("account.move", invoice, ["activity_state", "activity_summary", "activity_date_deadline"])

        #expect(activity.stringValue?.hasPrefix("mail.activity(") == true)
        #expect(fields["activity_state"] == "planned")
        #expect(fields["activity_summary"] == "Dunning level 1")
        #expect(try harness.read("mail.message", message.intValue!, ["body"])["body"] == "<p>Reminder &lt;b&gt;1&lt;/b&gt;</p>")
    }
}
