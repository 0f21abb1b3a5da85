import LedgerportSDK

/// `account.payment.register`: the wizard that pays invoices.
///
/// It must be created with `active_model` `account.move` (or
/// `account.move.line`) and `active_ids` in the context. It captures the open
/// amount when it is created. Running it later creates a payment for that
/// amount even if the invoice was paid in between, which is how real Odoo
/// ends up with one payment per concurrent registration. Registering again
/// after full payment fails when the wizard is created, as in Odoo.
struct PaymentRegisterModel: ModelBehavior {
    static func definition(_ profile: OdooVersionProfile) -> ModelDefinition {
        ModelDefinition(
            "account.payment.register", label: "Pay",
            fields: [
                FieldDefinition.date("payment_date", "Payment Date").required().defaulting { .string($0.todayText) },
                .monetary("amount", "Amount"),
                .many2one("currency_id", "Currency", "res.currency"),
                .char("communication", "Memo"),
                FieldDefinition.many2one("journal_id", "Journal", "account.journal").defaulting { transaction in
                    (try? transaction.search("account.journal", domain: [["type", "=", "bank"]], limit: 1).first).map { .int($0) } ?? .null
                },
                FieldDefinition.selection(
                    "payment_difference_handling", "Payment Difference Handling", [("open", "Keep open"), ("reconcile", "Mark as fully paid")]
                ).defaulting(to: "open"),
                .many2one("writeoff_account_id", "Difference Account", "account.account"),
                .many2one("partner_id", "Customer/Vendor", "res.partner"),
                FieldDefinition.selection("payment_type", "Payment Type", [("outbound", "Send"), ("inbound", "Receive")]),
                FieldDefinition.selection("partner_type", "Partner Type", [("customer", "Customer"), ("supplier", "Vendor")]),
                .many2many("line_ids", "Journal items", "account.move.line"),
                FieldDefinition.boolean("group_payment", "Group Payments").defaulting(to: true),
            ],
            transient: true, behavior: PaymentRegisterModel()
        )
    }

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        let lines = try openLines(in: transaction)
        let firstLine = transaction.row("account.move.line", lines[0])!
        let move = transaction.row("account.move", firstLine["move_id"]?.intValue ?? 0)!
        let lineCurrency = firstLine["currency_id"]?.intValue ?? transaction.companyCurrency
        let reconciliation = MoveReconciliation(transaction: transaction)
        let residual = try lines.reduce(ExactDecimal.zero) { try $0 + reconciliation.residualCurrency($1) }

        values["line_ids"] = .ids(lines)
        values["payment_type"] = .string(residual.isNegative ? "outbound" : "inbound")
        values["partner_type"] = .string(move["move_type"]?.stringValue?.hasPrefix("in") == true ? "supplier" : "customer")
        if values["partner_id"] == nil || values["partner_id"] == .null {
            values["partner_id"] = firstLine["partner_id"] ?? .null
        }
        if values["currency_id"] == nil || values["currency_id"] == .null {
            values["currency_id"] = .int(lineCurrency)
        }
        if values["amount"] == nil || values["amount"] == .null {
            let currency = values["currency_id"]?.intValue ?? lineCurrency
            values["amount"] = .decimal(try convertResidual(residual.magnitude, from: lineCurrency, to: currency, values: values, in: transaction))
        }
        if values["communication"] == nil || values["communication"] == .null {
            let reference = move["payment_reference"]?.stringValue ?? move["ref"]?.stringValue ?? move["name"]?.stringValue ?? ""
            values["communication"] = .string(reference)
        }
    }

    /// Returns the open receivable lines of the moves in `active_ids`, or raises the UserError Odoo raises.
    private func openLines(in transaction: Transaction) throws -> [Int] {
        let activeModel = transaction.context["active_model"]?.stringValue
        let activeIDs = transaction.context["active_ids"]?.idList ?? transaction.context["active_id"].map { $0.idList } ?? []
        guard activeModel == "account.move" || activeModel == "account.move.line", !activeIDs.isEmpty else {
            throw OdooFault(.userError, "The register payment wizard should only be called on account.move or account.move.line records.")
        }
        let reconciliation = MoveReconciliation(transaction: transaction)
        var lines: [Int] = []
        for id in activeIDs {
            let move = activeModel == "account.move" ? id : transaction.row("account.move.line", id)?["move_id"]?.intValue ?? 0
            guard transaction.row("account.move", move)?["state"]?.stringValue == "posted" else {
                throw OdooFault(.userError, "You can only register payment for posted journal entries.")
            }
            let candidates = activeModel == "account.move" ? reconciliation.receivableLines(of: move) : [id]
            lines += candidates.filter { !reconciliation.residualCurrency($0).isZero }
        }
        guard !lines.isEmpty else {
            throw OdooFault(.userError, "You can't register a payment because there is nothing left to pay on the selected journal items.")
        }
        return lines
    }

    private func convertResidual(_ amount: ExactDecimal, from source: Int, to target: Int, values: RecordValues, in transaction: Transaction) throws -> ExactDecimal {
        guard source != target else {
            return amount
        }
        let date = values["payment_date"]?.stringValue ?? transaction.todayText
        let inCompany = try amount.divided(by: transaction.currencyRate(source, on: date), scale: 6, rounding: .halfUp)
        return try transaction.roundCurrency(try inCompany * transaction.currencyRate(target, on: date), target)
    }

    var methods: [ModelMethod] {
        [
            ModelMethod("action_create_payments", MethodSignature(), access: .write) { call, transaction in
                var payments: [Int] = []
                for wizard in call.ids {
                    payments.append(try createPayment(from: wizard, in: transaction))
                }
                if transaction.context["dont_redirect_to_payments"]?.isTruthy == true {
                    return .value(true)
                }
                var action: JSONObject = [
                    "name": "Payments", "type": "ir.actions.act_window", "res_model": "account.payment", "context": ["create": false],
                ]
                if payments.count == 1 {
                    action["view_mode"] = "form"
                    action["res_id"] = .int(payments[0])
                } else {
                    action["view_mode"] = .string(transaction.profile.listViewMode)
                    action["domain"] = [["id", "in", .ids(payments)]]
                }
                return .value(.object(action))
            }
        ]
    }

    /// Creates and posts the payment of one wizard and matches it with the wizard's lines that are still open.
    private func createPayment(from wizard: Int, in transaction: Transaction) throws -> Int {
        let row = transaction.row("account.payment.register", wizard)!
        let payment = try transaction.sudo {
            try transaction.create("account.payment", [
                "payment_type": row["payment_type"] ?? "inbound", "partner_type": row["partner_type"] ?? "customer",
                "partner_id": row["partner_id"] ?? .null, "amount": row["amount"] ?? .decimal(.zero),
                "currency_id": row["currency_id"] ?? .null, "journal_id": row["journal_id"] ?? .null,
                "date": row["payment_date"] ?? .null, transaction.profile.paymentMemoField: row["communication"] ?? .null,
            ] as RecordValues)
        }
        let move = transaction.row("account.payment", payment)!["move_id"]!.intValue!
        try MovePosting(transaction: transaction).post([move])
        let reconciliation = MoveReconciliation(transaction: transaction)
        let lines = reconciliation.receivableLines(of: move) + (row["line_ids"]?.idList ?? [])
        try reconciliation.reconcile(lines.filter { transaction.exists("account.move.line", $0) }, strict: false)
        return payment
    }
}
