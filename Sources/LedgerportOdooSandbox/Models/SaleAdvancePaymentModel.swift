import LedgerportSDK

/// `sale.advance.payment.inv`: the "Create invoices" wizard of sales orders.
///
/// Created with `active_model` `sale.order` and `active_ids` in the context;
/// `create_invoices` makes a draft invoice per order for what is left to
/// invoice and returns the invoice action, as recorded on 17.0.
/// NOTE: only regular invoices (`advance_payment_method` `delivered`) are
/// made; down payments (`percentage`, `fixed`) raise a UserError.
struct SaleAdvancePaymentModel: ModelBehavior {
    static func definition() -> ModelDefinition {
        ModelDefinition(
            "sale.advance.payment.inv", label: "Sales Advance Payment Invoice",
            fields: [
                FieldDefinition.selection(
                    "advance_payment_method", "Create Invoice",
                    [("delivered", "Regular invoice"), ("percentage", "Down payment (percentage)"), ("fixed", "Down payment (fixed amount)")]
                ).defaulting(to: "delivered"),
                .many2many("sale_order_ids", "Sales Orders", "sale.order"),
                .float("amount", "Down Payment"),
                .monetary("fixed_amount", "Down Payment Amount (Fixed)"),
            ],
            transient: true, behavior: SaleAdvancePaymentModel()
        )
    }

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        if transaction.context["active_model"]?.stringValue == "sale.order", values["sale_order_ids"]?.idList.isEmpty ?? true {
            values["sale_order_ids"] = .ids(transaction.context["active_ids"]?.idList ?? [])
        }
    }

    var methods: [ModelMethod] {
        [
            ModelMethod("create_invoices", MethodSignature(), access: .write) { call, transaction in
                var invoices: [Int] = []
                var allOrders: [Int] = []
                for wizard in call.ids {
                    let row = transaction.row("sale.advance.payment.inv", wizard)!
                    guard row["advance_payment_method"]?.stringValue == "delivered" else {
                        throw OdooFault(.userError, "The sandbox makes regular invoices only; down payments are not supported.")
                    }
                    let orders = transaction.context["active_ids"]?.idList ?? row["sale_order_ids"]?.idList ?? []
                    invoices += try SaleInvoicing.createInvoices(orders, in: transaction)
                    allOrders += orders
                }
                return .value(Self.invoiceAction(invoices, orders: allOrders, in: transaction))
            }
        ]
    }

    private static let invoiceActionHelp =
        "<p class=\"o_view_nocontent_smiling_face\">\n" + String(repeating: " ", count: 16) + "Create a customer invoice\n"
        + String(repeating: " ", count: 14) + "</p><p>\n" + String(repeating: " ", count: 16)
        + "Create invoices, register payments and keep track of the discussions with your customers.\n"
        + String(repeating: " ", count: 14) + "</p>\n" + String(repeating: " ", count: 12)

    /// Builds the "Invoices" window action the real wizard returns, opening the new invoice.
    private static func invoiceAction(_ invoices: [Int], orders: [Int], in transaction: Transaction) -> JSONValue {
        let order = transaction.row("sale.order", orders.first ?? 0) ?? [:]
        let listMode = transaction.profile.version == .v17 ? "tree" : "list"
        // The ids of the action and its views are those of a 17.0 database, as recorded.
        var action: JSONObject = [
            "id": 254, "view_id": [668, "account.out.invoice.tree"], "search_view_id": [678, "account.invoice.select"],
            "help": .string(Self.invoiceActionHelp),
            "name": "Invoices", "type": "ir.actions.act_window", "xml_id": "account.action_move_out_invoice_type",
            "binding_model_id": false, "binding_type": "action", "binding_view_types": "list,form", "display_name": "Invoices",
            "domain": "[('move_type', '=', 'out_invoice')]", "res_model": "account.move", "target": "current",
            "view_mode": .string("\(listMode),kanban,form,activity"), "mobile_view_mode": "kanban", "limit": 80, "groups_id": [],
            "filter": false,
            "context": [
                "default_move_type": "out_invoice", "default_partner_id": order["partner_id"] ?? false,
                "default_partner_shipping_id": order["partner_shipping_id"] ?? false, "default_invoice_payment_term_id": .null,
                "default_invoice_origin": order["name"] ?? false,
            ],
        ]
        if invoices.count == 1 {
            action["res_id"] = .int(invoices[0])
            action["views"] = [[675, "form"], [668, .string(listMode)], [false, "kanban"], [false, "activity"]]
        } else {
            action["domain"] = [["id", "in", .ids(invoices)]]
            action["views"] = [[668, .string(listMode)], [675, "form"], [false, "kanban"], [false, "activity"]]
        }
        return .object(action)
    }
}
