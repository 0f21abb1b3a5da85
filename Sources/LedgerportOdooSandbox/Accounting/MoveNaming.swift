import LedgerportSDK

/// Move numbers such as `INV/2026/00001`: prefix per journal, document type and year, then a five-digit counter.
///
/// Credit notes use `R` before the journal code (`RINV`) and payments `P`
/// (`PBNK1`). As in Odoo, the next number is one more than the highest
/// number already used with the same prefix, so numbers of deleted moves are
/// not reused unless they were the last. A number, once given, stays with the
/// move through cancellation, reset to draft and a change of date.
struct MoveNaming {
    let transaction: Transaction

    /// Returns the prefix a move's number gets (`INV/2026/`), or nil without a journal.
    func prefix(of move: Int) -> String? {
        guard let row = transaction.row("account.move", move), let journal = row["journal_id"]?.intValue,
            let code = transaction.row("account.journal", journal)?["code"]?.stringValue
        else {
            return nil
        }
        let date = row["date"]?.stringValue ?? transaction.todayText
        let moveType = row["move_type"]?.stringValue ?? "entry"
        var lead = ""
        if moveType == "out_refund" || moveType == "in_refund" {
            lead = "R"
        } else if row["payment_id"]?.intValue != nil {
            lead = "P"
        }
        return "\(lead)\(code)/\(OdooDateFormat.year(of: date))/"
    }

    /// Checks whether the move has no number yet (`/` on 17.0, `false` on 19.0).
    func isUnnamed(_ move: Int) -> Bool {
        let name = transaction.row("account.move", move)?["name"]?.stringValue ?? ""
        return name.isEmpty || name == "/"
    }

    /// Gives the move the next number of its prefix, unless it has one.
    func assignNumber(_ move: Int) {
        guard isUnnamed(move), let prefix = prefix(of: move) else {
            return
        }
        let number = highestNumber(prefix: prefix, excluding: move) + 1
        transaction.update("account.move", move, [
            "name": .string(prefix + String(format: "%05d", number)), "sequence_prefix": .string(prefix),
            "sequence_number": .int(number),
        ])
    }

    /// On 17.0, numbers a draft invoice at once when no move of its journal has used its prefix yet.
    func nameFirstDraftOfPeriod(_ move: Int) throws {
        guard transaction.profile.numbersFirstDraftOfPeriod, let row = transaction.row("account.move", move),
            row["state"]?.stringValue == "draft", row["invoice_date"]?.stringValue != nil, isUnnamed(move),
            MoveEngine.invoiceTypes.contains(row["move_type"]?.stringValue ?? ""), let prefix = prefix(of: move),
            highestNumber(prefix: prefix, excluding: move) == 0
        else {
            return
        }
        assignNumber(move)
    }

    private func highestNumber(prefix: String, excluding move: Int) -> Int {
        var highest = 0
        for id in transaction.allIDs("account.move") where id != move {
            let row = transaction.row("account.move", id)!
            if row["sequence_prefix"]?.stringValue == prefix {
                highest = max(highest, row["sequence_number"]?.intValue ?? 0)
            }
        }
        return highest
    }
}
