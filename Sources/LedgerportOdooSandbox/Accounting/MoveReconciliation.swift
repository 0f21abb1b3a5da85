import LedgerportSDK

/// Matching receivable lines against each other, and what follows from it: residuals and payment states.
///
/// A match is an `account.partial.reconcile` between a debit line and a
/// credit line. A line's residual is its amount minus its matches. An invoice
/// is `paid` when its residual is zero, `reversed` when what paid it is only
/// its own credit note, `partial` when something is matched but not all, and
/// `not_paid` otherwise; Community has no `in_payment`.
///
/// NOTE: no exchange-difference entries are made: when a line's residual in
/// its currency reaches zero its company-currency residual is set to zero too.
struct MoveReconciliation {
    let transaction: Transaction

    private static let model = "account.move.line"

    // MARK: Matching

    /// Matches the open debit lines among `lines` with the open credit lines, oldest first.
    ///
    /// With `strict`, a line that is already fully matched raises the UserError
    /// Odoo raises. Otherwise such lines are skipped, which is how a repeated
    /// payment registration ends up as an unmatched extra payment.
    func reconcile(_ lines: [Int], strict: Bool) throws {
        if strict, lines.contains(where: { isFullyReconciled($0) }) {
            throw OdooFault(.userError, "You are trying to reconcile some entries that are already reconciled.")
        }
        var debits = lines.filter { residualCurrency($0) > .zero }.sorted()
        var credits = lines.filter { residualCurrency($0) < .zero }.sorted()
        var touchedMoves = Set<Int>()
        while let debit = debits.first, let credit = credits.first {
            try match(debit: debit, credit: credit)
            for line in [debit, credit] {
                try refreshResidual(line)
                touchedMoves.insert(transaction.row(Self.model, line)?["move_id"]?.intValue ?? 0)
            }
            if residualCurrency(debit) <= .zero { debits.removeFirst() }
            if residualCurrency(credit) >= .zero { credits.removeFirst() }
        }
        for move in touchedMoves.sorted() {
            try refreshMove(move)
        }
    }

    private func match(debit: Int, credit: Int) throws {
        let debitRow = transaction.row(Self.model, debit)!
        let creditRow = transaction.row(Self.model, credit)!
        let debitCurrency = debitRow["currency_id"]?.intValue
        let creditCurrency = creditRow["currency_id"]?.intValue
        let amount = min(residual(debit), residual(credit).negated())
        var debitAmountCurrency = amount
        var creditAmountCurrency = amount
        if debitCurrency == creditCurrency {
            let amountCurrency = min(residualCurrency(debit), residualCurrency(credit).negated())
            debitAmountCurrency = amountCurrency
            creditAmountCurrency = amountCurrency
        } else {
            debitAmountCurrency = try amountInLineCurrency(amount, line: debit, full: amount == residual(debit))
            creditAmountCurrency = try amountInLineCurrency(amount, line: credit, full: amount == residual(credit).negated())
        }
        let date = [debitRow, creditRow].compactMap { transaction.row("account.move", $0["move_id"]?.intValue ?? 0)?["date"]?.stringValue }.max()
        _ = transaction.insert(
            "account.partial.reconcile",
            [
                "debit_move_id": .int(debit), "credit_move_id": .int(credit), "amount": .decimal(amount),
                "debit_amount_currency": .decimal(debitAmountCurrency), "credit_amount_currency": .decimal(creditAmountCurrency),
                "max_date": date.map { .string($0) } ?? .null, "create_date": .string(transaction.nowText),
            ]
        )
    }

    private func amountInLineCurrency(_ amount: ExactDecimal, line: Int, full: Bool) throws -> ExactDecimal {
        let row = transaction.row(Self.model, line)!
        let currency = row["currency_id"]?.intValue ?? transaction.companyCurrency
        if full {
            return residualCurrency(line).magnitude
        }
        if currency == transaction.companyCurrency {
            return amount
        }
        let date = transaction.row("account.move", row["move_id"]?.intValue ?? 0)?["date"]?.stringValue ?? transaction.todayText
        return try transaction.roundCurrency(try amount * transaction.currencyRate(currency, on: date), currency)
    }

    /// Removes every match of the receivable lines of `move` and refreshes the moves on both sides.
    func unreconcile(_ move: Int) throws {
        var touchedMoves: Set<Int> = [move]
        for line in transaction.linkedIDs(Self.model, field: "move_id", to: move) ?? [] {
            for partial in partials(of: line) {
                let row = transaction.row("account.partial.reconcile", partial)!
                for side in ["debit_move_id", "credit_move_id"] {
                    if let other = row[side]?.intValue, let otherMove = transaction.row(Self.model, other)?["move_id"]?.intValue {
                        touchedMoves.insert(otherMove)
                    }
                }
                transaction.remove("account.partial.reconcile", partial)
            }
        }
        for touched in touchedMoves.sorted() {
            try refreshMove(touched)
        }
    }

    /// Raises the UserError Odoo raises when a reconciled move's amounts or lines would change.
    func rejectChangeOfReconciledMove(_ move: Int) throws {
        let lines = transaction.linkedIDs(Self.model, field: "move_id", to: move) ?? []
        guard lines.contains(where: { !partials(of: $0).isEmpty }) else {
            return
        }
        let name = transaction.row("account.move", move)?["name"]?.stringValue ?? "/"
        throw OdooFault(
            .userError,
            "You cannot do this modification on a reconciled journal entry. You can just change some non legal fields or you must unreconcile first.\n"
                + "Journal Entry (id): \(name) (\(move))"
        )
    }

    // MARK: Residuals and states

    /// Refreshes the residuals of a move's receivable lines, its residual totals and its payment state.
    func refreshMove(_ move: Int) throws {
        guard let row = transaction.row("account.move", move) else {
            return
        }
        let lines = receivableLines(of: move)
        for line in lines {
            try refreshResidual(line)
        }
        let moveType = row["move_type"]?.stringValue ?? "entry"
        if MoveEngine.invoiceTypes.contains(moveType) {
            try refreshInvoiceResidual(move, row: row, lines: lines, moveType: moveType)
        }
        if let payment = row["payment_id"]?.intValue {
            PaymentState.refresh(payment, move: move, in: transaction)
        }
    }

    private func refreshInvoiceResidual(_ move: Int, row: RecordValues, lines: [Int], moveType: String) throws {
        let state = row["state"]?.stringValue ?? "draft"
        guard state == "posted" else {
            transaction.update("account.move", move, [
                "amount_residual": row["amount_total"] ?? .decimal(.zero), "amount_residual_signed": row["amount_total_signed"] ?? .decimal(.zero),
                "payment_state": "not_paid",
            ])
            return
        }
        let direction = MoveEngine.productSign(moveType).negated()
        let residualInCurrency = try lines.reduce(ExactDecimal.zero) { try $0 + residualCurrency($1) }
        let residualInCompany = try lines.reduce(ExactDecimal.zero) { try $0 + residual($1) }
        let amountResidual = try residualInCurrency * direction
        transaction.update("account.move", move, [
            "amount_residual": .decimal(amountResidual), "amount_residual_signed": .decimal(residualInCompany),
            "payment_state": .string(paymentState(move, residual: amountResidual, lines: lines)),
        ])
    }

    private func paymentState(_ move: Int, residual: ExactDecimal, lines: [Int]) -> String {
        let matched = lines.flatMap { partials(of: $0) }
        guard residual.isZero else {
            return matched.isEmpty ? "not_paid" : "partial"
        }
        let counterparts = Set(matched.flatMap { counterpartMoves(of: $0, excluding: move) })
        if !counterparts.isEmpty,
            counterparts.allSatisfy({ transaction.row("account.move", $0)?["reversed_entry_id"]?.intValue == move })
        {
            return "reversed"
        }
        return "paid"
    }

    private func counterpartMoves(of partial: Int, excluding move: Int) -> [Int] {
        let row = transaction.row("account.partial.reconcile", partial) ?? [:]
        return ["debit_move_id", "credit_move_id"].compactMap { side in
            let line = row[side]?.intValue ?? 0
            let owner = transaction.row(Self.model, line)?["move_id"]?.intValue
            return owner == move ? nil : owner
        }
    }

    /// Recomputes one line's residuals from its matches.
    func refreshResidual(_ line: Int) throws {
        guard let row = transaction.row(Self.model, line) else { return }
        var companyResidual = row["balance"]?.decimalValue ?? .zero
        var currencyResidual = row["amount_currency"]?.decimalValue ?? .zero
        for partial in transaction.linkedIDs("account.partial.reconcile", field: "debit_move_id", to: line) ?? [] {
            let match = transaction.row("account.partial.reconcile", partial)!
            companyResidual = try companyResidual - (match["amount"]?.decimalValue ?? .zero)
            currencyResidual = try currencyResidual - (match["debit_amount_currency"]?.decimalValue ?? .zero)
        }
        for partial in transaction.linkedIDs("account.partial.reconcile", field: "credit_move_id", to: line) ?? [] {
            let match = transaction.row("account.partial.reconcile", partial)!
            companyResidual = try companyResidual + (match["amount"]?.decimalValue ?? .zero)
            currencyResidual = try currencyResidual + (match["credit_amount_currency"]?.decimalValue ?? .zero)
        }
        let currency = row["currency_id"]?.intValue ?? transaction.companyCurrency
        if try transaction.roundCurrency(currencyResidual, currency).isZero {
            currencyResidual = .zero
            companyResidual = .zero
        }
        let hasMatches = !partials(of: line).isEmpty
        transaction.update(Self.model, line, [
            "amount_residual": .decimal(companyResidual.normalized()), "amount_residual_currency": .decimal(currencyResidual.normalized()),
            "reconciled": .bool(hasMatches && currencyResidual.isZero),
        ])
    }

    // MARK: Queries

    /// Returns the lines of `move` on receivable and payable accounts, the ones invoices and payments are matched on.
    func receivableLines(of move: Int) -> [Int] {
        (transaction.linkedIDs(Self.model, field: "move_id", to: move) ?? []).sorted().filter { line in
            let account = transaction.row(Self.model, line)?["account_id"]?.intValue ?? 0
            let type = transaction.row("account.account", account)?["account_type"]?.stringValue
            return type == "asset_receivable" || type == "liability_payable"
        }
    }

    func partials(of line: Int) -> [Int] {
        let asDebit = transaction.linkedIDs("account.partial.reconcile", field: "debit_move_id", to: line) ?? []
        let asCredit = transaction.linkedIDs("account.partial.reconcile", field: "credit_move_id", to: line) ?? []
        return asDebit.union(asCredit).sorted()
    }

    func residual(_ line: Int) -> ExactDecimal {
        transaction.row(Self.model, line)?["amount_residual"]?.decimalValue ?? .zero
    }

    func residualCurrency(_ line: Int) -> ExactDecimal {
        transaction.row(Self.model, line)?["amount_residual_currency"]?.decimalValue ?? .zero
    }

    private func isFullyReconciled(_ line: Int) -> Bool {
        transaction.row(Self.model, line)?["reconciled"]?.isTruthy ?? false
    }
}

extension ExactDecimal {
    /// The absolute value.
    var magnitude: ExactDecimal {
        isNegative ? negated() : self
    }
}
