import LedgerportSDK

/// Posting, resetting and cancelling moves: `action_post`, `button_draft`, `button_cancel`.
struct MovePosting {
    let transaction: Transaction

    /// Posts every move of `ids`, or none: all checks run before the first move is posted.
    ///
    /// A draft without invoice date gets today's. Numbers are given in id
    /// order, and an invoice without payment reference gets its number as one.
    /// A credit note is matched with the open amount of the move it reverses.
    func post(_ ids: [Int]) throws {
        for id in ids {
            try check(id)
        }
        let engine = MoveEngine(transaction: transaction)
        let naming = MoveNaming(transaction: transaction)
        for id in ids.sorted() {
            let row = transaction.row("account.move", id)!
            let isInvoice = MoveEngine.invoiceTypes.contains(row["move_type"]?.stringValue ?? "")
            if isInvoice && row["invoice_date"]?.stringValue == nil {
                transaction.update("account.move", id, ["invoice_date": .string(transaction.todayText), "date": .string(transaction.todayText)])
            }
            naming.assignNumber(id)
            let name = transaction.row("account.move", id)?["name"] ?? .null
            if isInvoice && row["move_type"]?.stringValue?.hasPrefix("out") == true && !(row["payment_reference"]?.isTruthy ?? false) {
                transaction.update("account.move", id, ["payment_reference": name])
            }
            transaction.update("account.move", id, ["state": "posted", "posted_before": true])
            try engine.recompute(id)
            try reconcileWithReversedEntry(id)
        }
    }

    private func check(_ id: Int) throws {
        let row = transaction.row("account.move", id)!
        guard row["state"]?.stringValue == "draft" else {
            let name = row["name"]?.stringValue ?? "/"
            throw OdooFault(.userError, "The entry \(name) (id \(id)) must be in draft.")
        }
        let lines = transaction.linkedIDs("account.move.line", field: "move_id", to: id) ?? []
        guard !lines.isEmpty else {
            throw transaction.profile.postWithoutLines
        }
        let moveType = row["move_type"]?.stringValue ?? "entry"
        guard MoveEngine.invoiceTypes.contains(moveType) else {
            return
        }
        if row["partner_id"]?.intValue == nil {
            let document = moveType.hasPrefix("out") ? "Customer" : "Vendor"
            throw OdooFault(.userError, "The field '\(document)' is required, please complete it to validate the \(Self.typeLabel(moveType)).")
        }
        if (row["amount_total"]?.decimalValue ?? .zero).isNegative {
            throw OdooFault(
                .userError,
                "You cannot validate an invoice with a negative total amount. You should create a credit note instead. Use the action menu to transform it into a credit note or refund."
            )
        }
    }

    private static func typeLabel(_ moveType: String) -> String {
        AccountMoveModel.moveTypes.first { $0.0 == moveType }?.1 ?? "Journal Entry"
    }

    private func reconcileWithReversedEntry(_ id: Int) throws {
        guard let reversed = transaction.row("account.move", id)?["reversed_entry_id"]?.intValue,
            transaction.row("account.move", reversed)?["state"]?.stringValue == "posted"
        else {
            return
        }
        let reconciliation = MoveReconciliation(transaction: transaction)
        try reconciliation.reconcile(reconciliation.receivableLines(of: id) + reconciliation.receivableLines(of: reversed), strict: false)
    }

    /// Resets posted or cancelled moves to draft, undoing their matches; the number stays.
    func resetToDraft(_ ids: [Int]) throws {
        let engine = MoveEngine(transaction: transaction)
        for id in ids {
            let state = transaction.row("account.move", id)?["state"]?.stringValue
            guard state == "posted" || state == "cancel" else {
                throw OdooFault(.userError, "Only posted/cancelled journal entries can be reset to draft.")
            }
            try MoveReconciliation(transaction: transaction).unreconcile(id)
            transaction.update("account.move", id, ["state": "draft"])
            try engine.recompute(id)
        }
    }

    /// Cancels drafts; a posted move is reset to draft first, as 17.0 allows.
    func cancel(_ ids: [Int]) throws {
        let posted = ids.filter { transaction.row("account.move", $0)?["state"]?.stringValue == "posted" }
        if !posted.isEmpty {
            try resetToDraft(posted)
        }
        guard ids.allSatisfy({ transaction.row("account.move", $0)?["state"]?.stringValue == "draft" }) else {
            throw OdooFault(.userError, "Only draft journal entries can be cancelled.")
        }
        for id in ids {
            transaction.update("account.move", id, ["state": "cancel"])
            try MoveReconciliation(transaction: transaction).refreshMove(id)
        }
    }
}
