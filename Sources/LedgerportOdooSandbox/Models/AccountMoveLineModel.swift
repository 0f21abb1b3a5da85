import LedgerportSDK

/// `account.move.line`: journal items, among them the invoice lines.
///
/// Product lines are what callers write; tax lines (`display_type` `tax`)
/// and the receivable line (`payment_term`) are maintained by ``MoveEngine``.
/// Unit prices, quantities and discounts are rounded to two decimals on
/// write ("Product Price", "Product Unit of Measure" and "Discount"
/// precisions), whatever the currency: 12.345 KWD is stored as 12.35.
struct AccountMoveLineModel: ModelBehavior {
    static let displayTypes: [(String, String)] = [
        ("product", "Product"), ("cogs", "Cost of Goods Sold"), ("tax", "Tax"), ("discount", "Discount"), ("rounding", "Rounding"),
        ("payment_term", "Payment Term"), ("line_section", "Section"), ("line_note", "Note"), ("epd", "Early Payment Discount"),
    ]

    static func definition() -> ModelDefinition {
        ModelDefinition(
            "account.move.line", label: "Journal Item",
            fields: [
                FieldDefinition.many2one("move_id", "Journal Entry", "account.move").required(),
                FieldDefinition.char("move_name", "Number").computed { transaction, record in
                    let move = transaction.value(record.model, record.id, "move_id").intValue ?? 0
                    return transaction.row("account.move", move)?["name"] ?? .null
                },
                FieldDefinition.selection("parent_state", "Status", [("draft", "Draft"), ("posted", "Posted"), ("cancel", "Cancelled")])
                    .computed { transaction, record in
                        let move = transaction.value(record.model, record.id, "move_id").intValue ?? 0
                        return transaction.row("account.move", move)?["state"] ?? .null
                    },
                FieldDefinition.date("date", "Date").computed { transaction, record in
                    let move = transaction.value(record.model, record.id, "move_id").intValue ?? 0
                    return transaction.row("account.move", move)?["date"] ?? .null
                },
                .char("name", "Label"),
                FieldDefinition.selection("display_type", "Display Type", displayTypes).defaulting(to: "product"),
                .many2one("account_id", "Account", "account.account"),
                .many2one("partner_id", "Partner", "res.partner"),
                .many2one("product_id", "Product", "product.product"),
                FieldDefinition.float("quantity", "Quantity", digits: 2).defaulting(to: .decimal(ExactDecimal(1))),
                FieldDefinition.float("price_unit", "Unit Price", digits: 2).precision("Product Price"),
                FieldDefinition.float("discount", "Discount (%)", digits: 2).defaulting(to: .decimal(.zero)),
                .many2many("tax_ids", "Taxes", "account.tax"),
                FieldDefinition.many2one("tax_line_id", "Originator Tax", "account.tax").readonly(),
                FieldDefinition.monetary("tax_base_amount", "Base Amount").readonly(),
                FieldDefinition.monetary("price_subtotal", "Subtotal").readonly(),
                FieldDefinition.monetary("price_total", "Total").readonly(),
                FieldDefinition.monetary("debit", "Debit").readonly(),
                FieldDefinition.monetary("credit", "Credit").readonly(),
                FieldDefinition.monetary("balance", "Balance").readonly(),
                FieldDefinition.monetary("amount_currency", "Amount in Currency").readonly(),
                .many2one("currency_id", "Currency", "res.currency"),
                FieldDefinition.monetary("amount_residual", "Residual Amount").readonly(),
                FieldDefinition.monetary("amount_residual_currency", "Residual Amount in Currency").readonly(),
                FieldDefinition.boolean("reconciled", "Reconciled").readonly().defaulting(to: false),
                FieldDefinition.one2many("matched_debit_ids", "Matched Debits", "account.partial.reconcile", inverse: "credit_move_id")
                    .readonly(),
                FieldDefinition.one2many("matched_credit_ids", "Matched Credits", "account.partial.reconcile", inverse: "debit_move_id")
                    .readonly(),
                .date("date_maturity", "Due Date"),
                FieldDefinition.many2one("payment_id", "Originator Payment", "account.payment").readonly(),
                .many2many("sale_line_ids", "Sales Order Lines", "sale.order.line"),
                FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
            ],
            order: "date desc, move_name desc, id", behavior: AccountMoveLineModel()
        )
    }

    /// Fills a new product line from its product: label, price, taxes and income account, as Odoo's onchanges do.
    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        guard (values["display_type"]?.stringValue ?? "product") == "product" else {
            return
        }
        if let product = values["product_id"]?.intValue, let productRow = transaction.row("product.product", product) {
            if values["name"] == nil || values["name"] == .null {
                values["name"] = .string(ProductTemplateModel.name(productRow))
            }
            if values["price_unit"] == nil || values["price_unit"] == .null {
                values["price_unit"] = productRow["list_price"] ?? .decimal(.zero)
            }
            if values["tax_ids"] == nil {
                values["tax_ids"] = productRow["taxes_id"] ?? []
            }
        }
        if values["account_id"] == nil || values["account_id"] == .null {
            values["account_id"] = transaction.accountID(forCode: AccountingSeeds.incomeAccountCode).map { .int($0) } ?? .null
        }
        values["price_unit"] = values["price_unit"] ?? .decimal(.zero)
    }

    func willWrite(_ ids: [Int], _ values: inout RecordValues, x2many: Set<String>, in transaction: Transaction) throws {
        let moves = Set(ids.compactMap { transaction.row("account.move.line", $0)?["move_id"]?.intValue })
        for move in moves.sorted() {
            try MoveReconciliation(transaction: transaction).rejectChangeOfReconciledMove(move)
        }
    }

    func didCreate(_ id: Int, in transaction: Transaction) throws {
        try recomputeMoves(of: [id], in: transaction)
    }

    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws {
        try recomputeMoves(of: ids, in: transaction)
    }

    func didUnlink(_ ids: [Int], rows: [Int: RecordValues], in transaction: Transaction) throws {
        let moves = Set(rows.values.compactMap { $0["move_id"]?.intValue })
        let engine = MoveEngine(transaction: transaction)
        for move in moves.sorted() where transaction.exists("account.move", move) {
            try engine.recompute(move)
        }
    }

    private func recomputeMoves(of ids: [Int], in transaction: Transaction) throws {
        let moves = Set(ids.compactMap { transaction.row("account.move.line", $0)?["move_id"]?.intValue })
        let engine = MoveEngine(transaction: transaction)
        for move in moves.sorted() where !transaction.recordsInCreation.contains(RecordReference("account.move", move)) {
            try engine.recompute(move)
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        let move = transaction.row("account.move", row["move_id"]?.intValue ?? 0)?["name"]?.stringValue ?? ""
        let label = row["name"]?.stringValue ?? ""
        return label.isEmpty ? move : "\(move) \(label)"
    }
}

extension Transaction {
    /// Returns the id of the account with `code`.
    func accountID(forCode code: String) -> Int? {
        first("account.account", where: "code", is: .string(code))
    }
}
