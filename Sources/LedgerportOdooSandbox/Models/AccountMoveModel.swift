import LedgerportSDK

/// `account.move`: invoices, credit notes and journal entries.
///
/// The fields and their labels follow Odoo 17's `fields_get`. Amounts are
/// stored and recomputed by ``MoveEngine`` whenever the move or its lines
/// change, never on read: like Odoo, an invoice keeps the totals computed
/// under the rounding setting in force when it was last edited.
struct AccountMoveModel: ModelBehavior {
    static let moveTypes: [(String, String)] = [
        ("entry", "Journal Entry"), ("out_invoice", "Customer Invoice"), ("out_refund", "Customer Credit Note"),
        ("in_invoice", "Vendor Bill"), ("in_refund", "Vendor Credit Note"), ("out_receipt", "Sales Receipt"),
        ("in_receipt", "Purchase Receipt"),
    ]

    static let invoiceLineTypes: Set<String> = ["product", "line_section", "line_note"]

    static func definition(_ profile: OdooVersionProfile) -> ModelDefinition {
        ModelDefinition(
            "account.move", label: "Journal Entry",
            fields: identityFields(profile) + documentFields() + amountFields() + stateFields(),
            order: "date desc, name desc, invoice_date desc, id desc", nameSearch: ["name", "ref"], mailThread: true,
            behavior: AccountMoveModel()
        )
    }

    private static func identityFields(_ profile: OdooVersionProfile) -> [FieldDefinition] {
        [
            FieldDefinition.char("name", "Number").defaulting(to: profile.draftMoveName),
            FieldDefinition.selection("move_type", "Type", moveTypes).required().readonly().defaulting(to: "entry"),
            FieldDefinition.selection("state", "Status", [("draft", "Draft"), ("posted", "Posted"), ("cancel", "Cancelled")])
                .required().readonly().defaulting(to: "draft"),
            FieldDefinition.many2one("journal_id", "Journal", "account.journal").required(),
            FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
            FieldDefinition.many2one("currency_id", "Currency", "res.currency").required().defaulting { .int($0.companyCurrency) },
            FieldDefinition.date("date", "Date").required().defaulting { .string($0.todayText) },
            FieldDefinition.integer("sequence_number", "Sequence Number").readonly().defaulting(to: 0),
            FieldDefinition.char("sequence_prefix", "Sequence Prefix").readonly().defaulting(to: ""),
            FieldDefinition.boolean("posted_before", "Posted Before").readonly().defaulting(to: false),
            FieldDefinition.selection(
                "auto_post", "Auto-post", [("no", "No"), ("at_date", "At Date"), ("monthly", "Monthly"), ("quarterly", "Quarterly"), ("yearly", "Yearly")]
            ).defaulting(to: "no"),
        ]
    }

    private static func documentFields() -> [FieldDefinition] {
        [
            .many2one("partner_id", "Partner", "res.partner"),
            FieldDefinition.many2one("commercial_partner_id", "Commercial Entity", "res.partner").computed { transaction, record in
                guard let partner = transaction.value(record.model, record.id, "partner_id").intValue else { return .null }
                return .int(transaction.commercialPartner(partner))
            },
            .many2one("partner_shipping_id", "Delivery Address", "res.partner"),
            .char("ref", "Reference"),
            .char("payment_reference", "Payment Reference"),
            .char("invoice_origin", "Origin"),
            .html("narration", "Terms and Conditions"),
            .date("invoice_date", "Invoice/Bill Date"),
            .date("invoice_date_due", "Due Date"),
            .many2one("invoice_payment_term_id", "Payment Terms", "account.payment.term"),
            FieldDefinition.many2one("invoice_user_id", "Salesperson", "res.users").defaulting { .int($0.uid) },
            FieldDefinition.many2one("reversed_entry_id", "Reversal of", "account.move").readonly(),
            FieldDefinition.one2many("reversal_move_id", "Reversal Move", "account.move", inverse: "reversed_entry_id").readonly(),
            FieldDefinition.one2many("invoice_line_ids", "Invoice lines", "account.move.line", inverse: "move_id")
                .filtered { invoiceLineTypes.contains($0["display_type"]?.stringValue ?? "product") },
            FieldDefinition.one2many("line_ids", "Journal Items", "account.move.line", inverse: "move_id"),
            FieldDefinition.many2one("payment_id", "Payment", "account.payment").readonly(),
            FieldDefinition.serialized("tax_totals", "Invoice Totals").computed { transaction, record in
                try TaxTotalsWidget.compute(record.id, in: transaction)
            },
        ]
    }

    private static func amountFields() -> [FieldDefinition] {
        let names = [
            ("amount_untaxed", "Untaxed Amount"), ("amount_tax", "Tax"), ("amount_total", "Total"), ("amount_residual", "Amount Due"),
            ("amount_untaxed_signed", "Untaxed Amount Signed"), ("amount_tax_signed", "Tax Signed"),
            ("amount_total_signed", "Total Signed"), ("amount_total_in_currency_signed", "Total in Currency Signed"),
            ("amount_residual_signed", "Amount Due Signed"),
        ]
        return names.map { FieldDefinition.monetary($0.0, $0.1).readonly().defaulting(to: .decimal(.zero)) }
    }

    private static func stateFields() -> [FieldDefinition] {
        [
            FieldDefinition.selection(
                "payment_state", "Payment Status",
                [
                    ("not_paid", "Not Paid"), ("in_payment", "In Payment"), ("paid", "Paid"), ("partial", "Partially Paid"),
                    ("reversed", "Reversed"), ("invoicing_legacy", "Invoicing App Legacy"),
                ]
            ).readonly().defaulting(to: "not_paid")
        ]
    }

    // MARK: Hooks

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        let moveType = values["move_type"]?.stringValue ?? "entry"
        if values["journal_id"] == nil || values["journal_id"] == .null {
            values["journal_id"] = transaction.defaultJournal(for: moveType).map { .int($0) } ?? .null
        }
        if let invoiceDate = values["invoice_date"]?.stringValue {
            values["date"] = .string(invoiceDate)
        }
    }

    func didCreate(_ id: Int, in transaction: Transaction) throws {
        try MoveEngine(transaction: transaction).recompute(id)
        try MoveNaming(transaction: transaction).nameFirstDraftOfPeriod(id)
    }

    func willWrite(_ ids: [Int], _ values: inout RecordValues, x2many: Set<String>, in transaction: Transaction) throws {
        let touchesLines = !x2many.isDisjoint(with: ["invoice_line_ids", "line_ids"])
        let touchesAmounts = touchesLines || !Set(values.keys).isDisjoint(with: ["currency_id", "partner_id", "invoice_date", "date", "journal_id"])
        for id in ids where touchesAmounts {
            try MoveReconciliation(transaction: transaction).rejectChangeOfReconciledMove(id)
        }
        if let invoiceDate = values["invoice_date"]?.stringValue {
            values["date"] = .string(invoiceDate)
        }
    }

    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws {
        let engine = MoveEngine(transaction: transaction)
        for id in ids where transaction.exists("account.move", id) {
            try engine.recompute(id)
            try MoveNaming(transaction: transaction).nameFirstDraftOfPeriod(id)
        }
    }

    func willUnlink(_ ids: [Int], in transaction: Transaction) throws {
        for id in ids where transaction.row("account.move", id)?["state"]?.stringValue == "posted" {
            throw OdooFault(
                .userError,
                "You can't delete a posted journal item. Don’t play games with your accounting records; reset the journal entry to draft before deleting it."
            )
        }
    }

    /// `INV/2026/00001 (ref)`, or `Draft Invoice (* 12)` before the move has a number.
    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        let name = row["name"]?.stringValue ?? "/"
        let base: String
        if name == "/" || name.isEmpty {
            base = "Draft \(Self.draftLabel(row["move_type"]?.stringValue ?? "entry")) (* \(id))"
        } else {
            base = name
        }
        if let reference = row["ref"]?.stringValue, !reference.isEmpty {
            return "\(base) (\(reference))"
        }
        return base
    }

    private static func draftLabel(_ moveType: String) -> String {
        switch moveType {
        case "out_invoice": "Invoice"
        case "out_refund": "Credit Note"
        case "in_invoice": "Bill"
        case "in_refund": "Refund"
        default: "Entry"
        }
    }

    var methods: [ModelMethod] {
        MoveActions.methods
    }
}

extension Transaction {
    /// Returns the journal a new move goes to: the first sale journal for customer documents, purchase for vendor ones, else general.
    func defaultJournal(for moveType: String) -> Int? {
        let journalType: String
        switch moveType {
        case "out_invoice", "out_refund", "out_receipt": journalType = "sale"
        case "in_invoice", "in_refund", "in_receipt": journalType = "purchase"
        default: journalType = "general"
        }
        return (try? search("account.journal", domain: [["type", "=", .string(journalType)]], limit: 1))?.first
    }
}
