import LedgerportSDK

/// The public methods of `account.move`.
enum MoveActions {
    static var methods: [ModelMethod] {
        [post, resetToDraft, cancel, switchMoveType, assignOutstandingLine]
    }

    /// `action_post`: returns `false`, as 17.0 and 19.0 do.
    static let post = ModelMethod("action_post", MethodSignature(), access: .write) { call, transaction in
        try MovePosting(transaction: transaction).post(call.ids)
        return .value(false)
    }

    static let resetToDraft = ModelMethod("button_draft", MethodSignature(), access: .write) { call, transaction in
        try MovePosting(transaction: transaction).resetToDraft(call.ids)
        return .none
    }

    static let cancel = ModelMethod("button_cancel", MethodSignature(), access: .write) { call, transaction in
        try MovePosting(transaction: transaction).cancel(call.ids)
        return .none
    }

    /// `action_switch_move_type`: turns a draft invoice into a credit note (and back), negating the quantities.
    static let switchMoveType = ModelMethod("action_switch_move_type", MethodSignature(), access: .write) { call, transaction in
        let switched = ["out_invoice": "out_refund", "out_refund": "out_invoice", "in_invoice": "in_refund", "in_refund": "in_invoice"]
        for id in call.ids {
            let row = transaction.row("account.move", id)!
            guard row["state"]?.stringValue == "draft", let moveType = row["move_type"]?.stringValue, let target = switched[moveType] else {
                throw OdooFault(.userError, "Only draft invoices and credit notes can be switched.")
            }
            transaction.update("account.move", id, ["move_type": .string(target), "name": transaction.profile.draftMoveName])
            for line in transaction.linkedIDs("account.move.line", field: "move_id", to: id) ?? [] {
                let lineRow = transaction.row("account.move.line", line)!
                guard lineRow["display_type"]?.stringValue == "product", let quantity = lineRow["quantity"]?.decimalValue else { continue }
                transaction.update("account.move.line", line, ["quantity": .decimal(quantity.negated())])
            }
            try MoveEngine(transaction: transaction).recompute(id)
        }
        return .none
    }

    /// `js_assign_outstanding_line(line_id)`: matches an open payment or credit line with the invoice.
    static let assignOutstandingLine = ModelMethod(
        "js_assign_outstanding_line", MethodSignature([.init("line_id")]), access: .write
    ) { call, transaction in
        guard let line = call["line_id"].intValue, transaction.exists("account.move.line", line) else {
            throw OdooFault.missingRecords("account.move.line", [call["line_id"].intValue ?? 0], uid: transaction.uid)
        }
        let reconciliation = MoveReconciliation(transaction: transaction)
        for id in call.ids {
            try reconciliation.reconcile([line] + reconciliation.receivableLines(of: id), strict: true)
        }
        return .none
    }
}
