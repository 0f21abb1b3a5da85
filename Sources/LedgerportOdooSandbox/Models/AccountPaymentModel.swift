import LedgerportSDK

/// `account.payment`: a customer or vendor payment with its journal entry.
///
/// Creating a payment creates its draft entry (`PBNK1/2026/00001` once
/// posted): the outstanding-receipts line and the receivable line that
/// invoices are matched against. On 17.0 a posted payment is `posted`; on
/// 19.0 it is `paid` once matched and `in_process` before.
struct AccountPaymentModel: ModelBehavior {
    static func definition(_ profile: OdooVersionProfile) -> ModelDefinition {
        let states: [(String, String)] = profile.version == .v17
            ? [("draft", "Draft"), ("posted", "Posted"), ("cancel", "Cancelled")]
            : [("draft", "Draft"), ("in_process", "In Process"), ("paid", "Paid"), ("canceled", "Canceled"), ("rejected", "Rejected")]
        return ModelDefinition(
            "account.payment", label: "Payments",
            fields: [
                FieldDefinition.char("name", "Number").computed { transaction, record in
                    let move = transaction.value(record.model, record.id, "move_id").intValue ?? 0
                    return transaction.row("account.move", move)?["name"] ?? .null
                },
                FieldDefinition.selection("state", "Status", states).readonly().defaulting(to: "draft"),
                FieldDefinition.monetary("amount", "Amount").defaulting(to: .decimal(.zero)),
                FieldDefinition.many2one("currency_id", "Currency", "res.currency").defaulting { .int($0.companyCurrency) },
                FieldDefinition.selection("payment_type", "Payment Type", [("outbound", "Send"), ("inbound", "Receive")]).required()
                    .defaulting(to: "inbound"),
                FieldDefinition.selection("partner_type", "Partner Type", [("customer", "Customer"), ("supplier", "Vendor")])
                    .defaulting(to: "customer"),
                .many2one("partner_id", "Customer/Vendor", "res.partner"),
                FieldDefinition.many2one("journal_id", "Journal", "account.journal").required().defaulting { transaction in
                    (try? transaction.search("account.journal", domain: [["type", "=", "bank"]], limit: 1).first).map { .int($0) } ?? .null
                },
                FieldDefinition.date("date", "Date").required().defaulting { .string($0.todayText) },
                .char(profile.paymentMemoField, "Memo"),
                FieldDefinition.many2one("move_id", "Journal Entry", "account.move").readonly(),
                FieldDefinition.many2many("reconciled_invoice_ids", "Reconciled Invoices", "account.move").computed { transaction, record in
                    .ids(PaymentState.reconciledInvoices(record.id, in: transaction))
                },
                FieldDefinition.boolean("is_reconciled", "Is Reconciled").computed { transaction, record in
                    .bool(PaymentState.isReconciled(record.id, in: transaction))
                },
                FieldDefinition.boolean("is_matched", "Is Matched With a Bank Statement").computed { _, _ in false },
                FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
            ],
            order: "date desc, name desc", behavior: AccountPaymentModel()
        )
    }

    func didCreate(_ id: Int, in transaction: Transaction) throws {
        let payment = transaction.row("account.payment", id)!
        let memo = payment[transaction.profile.paymentMemoField] ?? .null
        let move = try transaction.sudo {
            try transaction.create("account.move", [
                "move_type": "entry", "journal_id": payment["journal_id"] ?? .null, "date": payment["date"] ?? .null,
                "ref": memo, "partner_id": payment["partner_id"] ?? .null, "currency_id": payment["currency_id"] ?? .null,
            ] as RecordValues)
        }
        transaction.update("account.move", move, ["payment_id": .int(id)])
        transaction.update("account.payment", id, ["move_id": .int(move)])
        try PaymentEntry(transaction: transaction).writeLines(payment: id, move: move)
    }

    func willUnlink(_ ids: [Int], in transaction: Transaction) throws {
        for id in ids {
            let state = transaction.row("account.payment", id)?["state"]?.stringValue
            if state != "draft" && state != "cancel" && state != "canceled" {
                throw OdooFault(.userError, "You cannot delete a payment that is already posted.")
            }
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        let move = row["move_id"]?.intValue ?? 0
        let name = transaction.row("account.move", move)?["name"]?.stringValue ?? ""
        return name.isEmpty || name == "/" ? "Draft Payment" : name
    }

    var methods: [ModelMethod] {
        [
            ModelMethod("action_post", MethodSignature(), access: .write) { call, transaction in
                for id in call.ids {
                    guard let move = transaction.row("account.payment", id)?["move_id"]?.intValue else { continue }
                    try MovePosting(transaction: transaction).post([move])
                }
                return .none
            },
            ModelMethod("action_draft", MethodSignature(), access: .write) { call, transaction in
                for id in call.ids {
                    guard let move = transaction.row("account.payment", id)?["move_id"]?.intValue else { continue }
                    try MovePosting(transaction: transaction).resetToDraft([move])
                }
                return .none
            },
            ModelMethod("action_cancel", MethodSignature(), access: .write) { call, transaction in
                for id in call.ids {
                    guard let move = transaction.row("account.payment", id)?["move_id"]?.intValue else { continue }
                    try MovePosting(transaction: transaction).cancel([move])
                }
                return .none
            },
        ]
    }
}

/// The two journal items of a payment entry.
struct PaymentEntry {
    let transaction: Transaction

    func writeLines(payment: Int, move: Int) throws {
        let row = transaction.row("account.payment", payment)!
        let currency = row["currency_id"]?.intValue ?? transaction.companyCurrency
        let date = row["date"]?.stringValue ?? transaction.todayText
        let amount = row["amount"]?.decimalValue ?? .zero
        let inbound = row["payment_type"]?.stringValue != "outbound"
        let signed = inbound ? amount : amount.negated()
        let rate = transaction.currencyRate(currency, on: date)
        let companyDigits = transaction.currencyDigits(transaction.companyCurrency)
        let balance = rate == ExactDecimal(1) ? signed : try signed.divided(by: rate, scale: companyDigits, rounding: .halfUp)
        let partner = row["partner_id"]?.intValue.map { JSONValue.int(transaction.commercialPartner($0)) } ?? .null
        let memo = row[transaction.profile.paymentMemoField]?.stringValue ?? ""
        let outstanding = transaction.accountID(forCode: AccountingSeeds.outstandingReceiptsCode)
        let receivable = transaction.accountID(forCode: AccountingSeeds.receivableAccountCode)
        let lines: [(ExactDecimal, ExactDecimal, Int?)] = [(signed, balance, outstanding), (signed.negated(), balance.negated(), receivable)]
        for (amountCurrency, lineBalance, account) in lines {
            _ = transaction.insert("account.move.line", [
                "move_id": .int(move), "display_type": "product", "name": .string(memo), "account_id": account.map { .int($0) } ?? .null,
                "partner_id": partner, "currency_id": .int(currency), "amount_currency": .decimal(amountCurrency),
                "balance": .decimal(lineBalance), "debit": .decimal(lineBalance.isNegative ? .zero : lineBalance),
                "credit": .decimal(lineBalance.isNegative ? lineBalance.negated() : .zero), "amount_residual": .decimal(lineBalance),
                "amount_residual_currency": .decimal(amountCurrency), "payment_id": .int(payment), "quantity": .decimal(.zero),
                "price_unit": .decimal(.zero), "discount": .decimal(.zero), "price_subtotal": .decimal(.zero), "price_total": .decimal(.zero),
                "tax_ids": [], "reconciled": false, "company_id": 1, "create_date": .string(transaction.nowText),
            ])
        }
        transaction.update("account.move", move, ["amount_total": .decimal(amount), "amount_total_signed": .decimal(balance.magnitude)])
    }
}

/// The state and matches of payments, read from their receivable lines.
enum PaymentState {
    static func receivableLines(_ payment: Int, in transaction: Transaction) -> [Int] {
        guard let move = transaction.row("account.payment", payment)?["move_id"]?.intValue else {
            return []
        }
        return MoveReconciliation(transaction: transaction).receivableLines(of: move)
    }

    static func isReconciled(_ payment: Int, in transaction: Transaction) -> Bool {
        let lines = receivableLines(payment, in: transaction)
        return !lines.isEmpty && lines.allSatisfy { transaction.row("account.move.line", $0)?["reconciled"]?.isTruthy ?? false }
    }

    /// Returns the invoices and credit notes matched with the payment.
    static func reconciledInvoices(_ payment: Int, in transaction: Transaction) -> [Int] {
        let reconciliation = MoveReconciliation(transaction: transaction)
        var invoices = Set<Int>()
        for line in receivableLines(payment, in: transaction) {
            for partial in reconciliation.partials(of: line) {
                let row = transaction.row("account.partial.reconcile", partial)!
                for side in ["debit_move_id", "credit_move_id"] {
                    let other = row[side]?.intValue ?? 0
                    guard other != line, let move = transaction.row("account.move.line", other)?["move_id"]?.intValue,
                        MoveEngine.invoiceTypes.contains(transaction.row("account.move", move)?["move_type"]?.stringValue ?? "")
                    else { continue }
                    invoices.insert(move)
                }
            }
        }
        return invoices.sorted()
    }

    /// Brings the payment's state in line with its entry's state and matches.
    static func refresh(_ payment: Int, move: Int, in transaction: Transaction) {
        guard transaction.exists("account.payment", payment) else {
            return
        }
        let moveState = transaction.row("account.move", move)?["state"]?.stringValue ?? "draft"
        let state: String
        switch moveState {
        case "posted": state = transaction.profile.postedPaymentState(reconciled: isReconciled(payment, in: transaction))
        case "cancel": state = transaction.profile.version == .v17 ? "cancel" : "canceled"
        default: state = "draft"
        }
        transaction.update("account.payment", payment, ["state": .string(state)])
    }
}
