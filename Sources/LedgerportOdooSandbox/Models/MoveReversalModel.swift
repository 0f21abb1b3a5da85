import LedgerportSDK

/// `account.move.reversal`: the wizard that makes credit notes.
///
/// On 17.0 and 19.0 there is no `refund_method` field. `refund_moves` makes a
/// draft credit note for the full amount, editable before posting, which is
/// how a partial credit is made. `modify_moves` posts a full credit note
/// matched with the invoice and opens a new draft copy of the invoice.
struct MoveReversalModel: ModelBehavior {
    static func definition() -> ModelDefinition {
        ModelDefinition(
            "account.move.reversal", label: "Account Move Reversal",
            fields: [
                .many2many("move_ids", "Move", "account.move"),
                .many2many("new_move_ids", "New Move", "account.move"),
                FieldDefinition.date("date", "Reversal date").defaulting { .string($0.todayText) },
                .char("reason", "Reason displayed on Credit Note"),
                FieldDefinition.many2one("journal_id", "Journal", "account.journal").required(),
                FieldDefinition.many2one("company_id", "Company", "res.company").required().readonly().defaulting(to: 1),
                FieldDefinition.many2many("available_journal_ids", "Available Journal", "account.journal").computed { transaction, _ in
                    .ids(try transaction.search("account.journal", domain: [["type", "in", ["sale", "purchase"]]]))
                },
                FieldDefinition.char("country_code", "Country Code").computed { _, _ in "US" },
                FieldDefinition.monetary("residual", "Residual").computed { transaction, record in
                    let moves = transaction.value(record.model, record.id, "move_ids").idList
                    return .decimal(try moves.reduce(ExactDecimal.zero) {
                        try $0 + (transaction.row("account.move", $1)?["amount_residual"]?.decimalValue ?? .zero)
                    })
                },
                FieldDefinition.many2one("currency_id", "Currency", "res.currency").computed { transaction, record in
                    let move = transaction.value(record.model, record.id, "move_ids").idList.first ?? 0
                    return transaction.row("account.move", move)?["currency_id"] ?? .null
                },
                FieldDefinition.char("move_type", "Move Type").computed { transaction, record in
                    let move = transaction.value(record.model, record.id, "move_ids").idList.first ?? 0
                    return transaction.row("account.move", move)?["move_type"] ?? .null
                },
            ],
            transient: true, behavior: MoveReversalModel()
        )
    }

    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {
        guard transaction.context["active_model"]?.stringValue == "account.move",
            let moves = transaction.context["active_ids"]?.idList, !moves.isEmpty
        else {
            throw OdooFault(.userError, "Missing active_ids in context")
        }
        for move in moves where transaction.row("account.move", move)?["state"]?.stringValue != "posted" {
            throw OdooFault(.userError, "You can only reverse posted moves.")
        }
        values["move_ids"] = .ids(moves)
        if values["journal_id"] == nil || values["journal_id"] == .null {
            values["journal_id"] = transaction.row("account.move", moves[0])?["journal_id"] ?? .null
        }
    }

    var methods: [ModelMethod] {
        [reverse(named: "refund_moves", modify: false), reverse(named: "modify_moves", modify: true)]
    }

    private func reverse(named name: String, modify: Bool) -> ModelMethod {
        ModelMethod(name, MethodSignature(), access: .write) { call, transaction in
            var opened: [Int] = []
            for wizard in call.ids {
                let row = transaction.row("account.move.reversal", wizard)!
                let reversal = MoveReversal(transaction: transaction, wizard: row)
                var created: [Int] = []
                for move in row["move_ids"]?.idList ?? [] {
                    let creditNote = try reversal.creditNote(for: move)
                    created.append(creditNote)
                    if modify {
                        try MovePosting(transaction: transaction).post([creditNote])
                        let copy = try reversal.draftCopy(of: move)
                        created.append(copy)
                        opened.append(copy)
                    } else {
                        opened.append(creditNote)
                    }
                }
                transaction.update("account.move.reversal", wizard, ["new_move_ids": .ids(created)])
            }
            return .value(Self.action(opening: opened, moveType: modify ? "out_invoice" : "out_refund", in: transaction))
        }
    }

    private static func action(opening moves: [Int], moveType: String, in transaction: Transaction) -> JSONValue {
        var action: JSONObject = [
            "name": "Reverse Moves", "type": "ir.actions.act_window", "res_model": "account.move",
            "context": ["default_move_type": .string(moveType)],
        ]
        if moves.count == 1 {
            action["view_mode"] = "form"
            action["res_id"] = .int(moves[0])
        } else {
            action["view_mode"] = .string(transaction.profile.listViewMode)
            action["domain"] = [["id", "in", .ids(moves)]]
        }
        return .object(action)
    }
}

/// Builds credit notes and invoice copies for the reversal wizard.
struct MoveReversal {
    let transaction: Transaction
    let wizard: RecordValues

    /// Creates a draft credit note copying the move's product lines, linked to the move by `reversed_entry_id`.
    func creditNote(for move: Int) throws -> Int {
        let original = transaction.row("account.move", move)!
        let name = original["name"]?.stringValue ?? "/"
        let reason = wizard["reason"]?.stringValue ?? ""
        let reference = reason.isEmpty ? "Reversal of: \(name)" : "Reversal of: \(name), \(reason)"
        let reversedType = ["out_invoice": "out_refund", "in_invoice": "in_refund", "out_refund": "out_invoice", "in_refund": "in_invoice"]
        let date = wizard["date"] ?? .string(transaction.todayText)
        return try transaction.create("account.move", [
            "move_type": .string(reversedType[original["move_type"]?.stringValue ?? ""] ?? "entry"),
            "partner_id": original["partner_id"] ?? .null, "currency_id": original["currency_id"] ?? .null,
            "journal_id": wizard["journal_id"] ?? original["journal_id"] ?? .null, "invoice_date": date, "date": date,
            "ref": .string(reference), "reversed_entry_id": .int(move), "invoice_line_ids": .array(try copiedLines(of: move)),
        ] as RecordValues)
    }

    /// Creates a new draft invoice with the move's lines, without date or reference, as `modify_moves` opens.
    func draftCopy(of move: Int) throws -> Int {
        let original = transaction.row("account.move", move)!
        return try transaction.create("account.move", [
            "move_type": original["move_type"] ?? "out_invoice", "partner_id": original["partner_id"] ?? .null,
            "currency_id": original["currency_id"] ?? .null, "journal_id": original["journal_id"] ?? .null,
            "invoice_line_ids": .array(try copiedLines(of: move)),
        ] as RecordValues)
    }

    private func copiedLines(of move: Int) throws -> [JSONValue] {
        let lines = try transaction.inverseIDs(comodel: "account.move.line", inverse: "move_id", id: move, filter: {
            $0["display_type"]?.stringValue == "product"
        })
        return lines.map { line in
            let row = transaction.row("account.move.line", line)!
            var values: JSONObject = [:]
            for field in ["name", "product_id", "quantity", "price_unit", "discount", "account_id"] {
                values[field] = row[field] ?? .null
            }
            values["tax_ids"] = [[6, 0, row["tax_ids"] ?? []]]
            return [0, 0, .object(values)]
        }
    }
}
