import LedgerportSDK

/// `sale.order` and `sale.order.line`: quotations and confirmed orders.
///
/// A new order is numbered at creation (`S00001`) and invoiced to the
/// customer's invoice address. `action_confirm` confirms a draft and, as
/// recorded, overwrites `date_order` with the confirmation time. Totals follow
/// the company's tax rounding setting like invoices do.
struct SaleOrderModel: ModelBehavior {
    static func definitions(_ profile: OdooVersionProfile) -> [ModelDefinition] {
        [order(), SaleOrderLineModel.definition(profile)]
    }

    private static func order() -> ModelDefinition {
        ModelDefinition(
            "sale.order", label: "Sales Order",
            fields: [
                FieldDefinition.char("name", "Order Reference").required().defaulting(to: "New"),
                FieldDefinition.many2one("partner_id", "Customer", "res.partner").required(),
                .many2one("partner_invoice_id", "Invoice Address", "res.partner"),
                .many2one("partner_shipping_id", "Delivery Address", "res.partner"),
                FieldDefinition.datetime("date_order", "Order Date").required().defaulting { .string($0.nowText) },
                FieldDefinition.selection(
                    "state", "Status", [("draft", "Quotation"), ("sent", "Quotation Sent"), ("sale", "Sales Order"), ("cancel", "Cancelled")]
                ).readonly().defaulting(to: "draft"),
                .char("client_order_ref", "Customer Reference"),
                .char("origin", "Source Document"),
                .html("note", "Terms and conditions"),
                FieldDefinition.one2many("order_line", "Order Lines", "sale.order.line", inverse: "order_id"),
                FieldDefinition.many2one("pricelist_id", "Pricelist", "product.pricelist").defaulting(to: 1),
                FieldDefinition.many2one("currency_id", "Currency", "res.currency").computed { transaction, record in
                    let pricelist = transaction.value(record.model, record.id, "pricelist_id").intValue ?? 0
                    return transaction.row("product.pricelist", pricelist)?["currency_id"] ?? .int(transaction.companyCurrency)
                },
                FieldDefinition.monetary("amount_untaxed", "Untaxed Amount").readonly().defaulting(to: .decimal(.zero)),
                FieldDefinition.monetary("amount_tax", "Taxes").readonly().defaulting(to: .decimal(.zero)),
                FieldDefinition.monetary("amount_total", "Total").readonly().defaulting(to: .decimal(.zero)),
                FieldDefinition.selection(
                    "invoice_status", "Invoice Status",
                    [("upselling", "Upselling Opportunity"), ("invoiced", "Fully Invoiced"), ("to invoice", "To Invoice"), ("no", "Nothing to Invoice")]
                ).computed { transaction, record in .string(SaleInvoicing.invoiceStatus(record.id, in: transaction)) },
                FieldDefinition.many2many("invoice_ids", "Invoices", "account.move").computed { transaction, record in
                    .ids(SaleInvoicing.invoices(of: record.id, in: transaction))
                },
                FieldDefinition.integer("invoice_count", "Invoice Count").computed { transaction, record in
                    .int(SaleInvoicing.invoices(of: record.id, in: transaction).count)
                },
                FieldDefinition.many2one("user_id", "Salesperson", "res.users").defaulting { .int($0.uid) },
                FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
            ],
            order: "date_order desc, id desc", mailThread: true, behavior: SaleOrderModel()
        )
    }

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        if values["name"]?.stringValue == "New" {
            values["name"] = .string(transaction.nextSequenceValue(code: "sale.order") ?? "New")
        }
        if let partner = values["partner_id"]?.intValue {
            if values["partner_invoice_id"] == nil || values["partner_invoice_id"] == .null {
                values["partner_invoice_id"] = .int(transaction.invoiceAddress(partner))
            }
            if values["partner_shipping_id"] == nil || values["partner_shipping_id"] == .null {
                values["partner_shipping_id"] = .int(partner)
            }
        }
    }

    func didCreate(_ id: Int, in transaction: Transaction) throws {
        try SaleInvoicing.recomputeTotals(id, in: transaction)
    }

    func willWrite(_ ids: [Int], _ values: inout RecordValues, x2many: Set<String>, in transaction: Transaction) throws {
        if let currency = values.removeValue(forKey: "currency_id") {
            // Odoo writes a related field through to its source, here the pricelist.
            for id in ids {
                if let pricelist = transaction.row("sale.order", id)?["pricelist_id"]?.intValue {
                    transaction.update("product.pricelist", pricelist, ["currency_id": currency])
                }
            }
        }
    }

    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws {
        for id in ids {
            try SaleInvoicing.recomputeTotals(id, in: transaction)
        }
    }

    var methods: [ModelMethod] {
        [
            ModelMethod("action_confirm", MethodSignature(), access: .write) { call, transaction in
                let notReady = call.ids.filter { !["draft", "sent"].contains(transaction.row("sale.order", $0)?["state"]?.stringValue ?? "") }
                guard notReady.isEmpty else {
                    let names = notReady.map { transaction.row("sale.order", $0)?["name"]?.stringValue ?? "" }.joined(separator: ", ")
                    throw OdooFault(.userError, "The following orders are not in a state requiring confirmation: \(names)")
                }
                for id in call.ids {
                    transaction.update("sale.order", id, ["state": "sale", "date_order": .string(transaction.nowText)])
                }
                return .value(true)
            },
            ModelMethod("action_cancel", MethodSignature(), access: .write) { call, transaction in
                for id in call.ids {
                    transaction.update("sale.order", id, ["state": "cancel"])
                }
                return .value(true)
            },
        ]
    }
}

/// `sale.order.line`: price, quantity and taxes of one ordered product.
struct SaleOrderLineModel: ModelBehavior {
    let taxesField: String

    static func definition(_ profile: OdooVersionProfile) -> ModelDefinition {
        ModelDefinition(
            "sale.order.line", label: "Sales Order Line",
            fields: [
                FieldDefinition.many2one("order_id", "Order Reference", "sale.order").required(),
                FieldDefinition.selection("display_type", "Display Type", [("line_section", "Section"), ("line_note", "Note")]),
                .many2one("product_id", "Product", "product.product"),
                .text("name", "Description"),
                FieldDefinition.float("product_uom_qty", "Quantity", digits: 2).defaulting(to: .decimal(ExactDecimal(1))),
                FieldDefinition.float("price_unit", "Unit Price", digits: 2).precision("Product Price"),
                FieldDefinition.float("discount", "Discount (%)", digits: 2).defaulting(to: .decimal(.zero)),
                .many2many(profile.saleLineTaxesField, "Taxes", "account.tax"),
                FieldDefinition.monetary("price_subtotal", "Subtotal").readonly(),
                FieldDefinition.monetary("price_tax", "Total Tax").readonly(),
                FieldDefinition.monetary("price_total", "Total").readonly(),
                FieldDefinition.float("qty_invoiced", "Invoiced Quantity").computed { transaction, record in
                    .decimal(try SaleInvoicing.invoicedQuantity(record.id, in: transaction))
                },
                FieldDefinition.float("qty_to_invoice", "Quantity To Invoice").computed { transaction, record in
                    .decimal(try SaleInvoicing.quantityToInvoice(record.id, in: transaction))
                },
                FieldDefinition.many2many("invoice_lines", "Invoice Lines", "account.move.line").computed { transaction, record in
                    .ids(SaleInvoicing.invoiceLines(of: record.id, in: transaction))
                },
                FieldDefinition.many2one("currency_id", "Currency", "res.currency").computed { transaction, record in
                    let order = transaction.value(record.model, record.id, "order_id").intValue ?? 0
                    return transaction.value("sale.order", order, "currency_id")
                },
            ],
            order: "order_id, id", behavior: SaleOrderLineModel(taxesField: profile.saleLineTaxesField)
        )
    }

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        guard let product = values["product_id"]?.intValue, let row = transaction.row("product.product", product) else {
            return
        }
        if values["name"] == nil || values["name"] == .null {
            values["name"] = .string(ProductTemplateModel.name(row))
        }
        if values["price_unit"] == nil || values["price_unit"] == .null {
            values["price_unit"] = row["list_price"] ?? .decimal(.zero)
        }
        if values[taxesField] == nil {
            values[taxesField] = row["taxes_id"] ?? []
        }
    }

    func didCreate(_ id: Int, in transaction: Transaction) throws {
        try recomputeOrders(of: [id], in: transaction)
    }

    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws {
        try recomputeOrders(of: ids, in: transaction)
    }

    func didUnlink(_ ids: [Int], rows: [Int: RecordValues], in transaction: Transaction) throws {
        for order in Set(rows.values.compactMap { $0["order_id"]?.intValue }).sorted() where transaction.exists("sale.order", order) {
            try SaleInvoicing.recomputeTotals(order, in: transaction)
        }
    }

    private func recomputeOrders(of ids: [Int], in transaction: Transaction) throws {
        let orders = Set(ids.compactMap { transaction.row("sale.order.line", $0)?["order_id"]?.intValue })
        for order in orders.sorted() {
            try SaleInvoicing.recomputeTotals(order, in: transaction)
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        let order = transaction.row("sale.order", row["order_id"]?.intValue ?? 0)?["name"]?.stringValue ?? ""
        return "\(order) - \(row["name"]?.stringValue ?? "")"
    }
}
