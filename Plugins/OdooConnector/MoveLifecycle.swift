import LedgerportSDK

/// Posting, cancelling and resetting moves (`action_post`, `button_cancel`, `button_draft`), each idempotent.
///
/// Posting checks first what Odoo would accept silently or refuse late: a
/// foreign-currency move with no exchange rate on or before its date would
/// post at rate 1.0, and a negative total is refused. Both are business
/// errors before anything is posted. Drafts of one batch are posted in one
/// `action_post` call, which Odoo runs all or nothing, so a failing call is
/// bisected to find the move it refused.
struct MoveLifecycle: Sendable {
    let workspace: OdooWorkspace

    static let readFields = ["name", "state", "move_type", "currency_id", "invoice_date", "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "payment_state"]

    func post(_ operations: [TargetOperation]) async -> [OperationOutcome] {
        let label = operations.count == 1 ? "post \(operations[0].reference)" : "post \(operations.count) moves"
        var outcomes = [TargetReference: OperationOutcome]()
        var ready = [TargetOperation]()
        var ids = [TargetReference: Int64]()
        do {
            let found = try await findAll(operations, label: label, outcomes: &outcomes)
            let rows = try await workspace.read("account.move", ids: Array(found.values), fields: Self.readFields, label: label)
            for operation in operations {
                guard let id = found[operation.reference], let row = rows[id] else { continue }
                ids[operation.reference] = id
                switch row["state"]?.stringValue {
                case "posted":
                    outcomes[operation.reference] = Self.outcome(operation, id: id, row: row, effect: .unchanged)
                case "draft":
                    do {
                        try await checkBeforePosting(row, label: "post \(operation.reference)")
                        ready.append(operation)
                    } catch {
                        outcomes[operation.reference] = .failure(error)
                    }
                default:
                    outcomes[operation.reference] = .failure(.business("odoo_move_cancelled", "post \(operation.reference): the move is cancelled in Odoo", hint: "reset it to draft in Odoo or send a reset_to_draft operation first"))
                }
            }
        } catch {
            return operations.map { outcomes[$0.reference] ?? .failure(error) }
        }

        let posted = await Bisection.run(ready) { (batch: [TargetOperation]) async throws(ConnectorError) -> [OperationOutcome] in
            let batchIDs = batch.compactMap { ids[$0.reference] }
            let batchLabel = batch.count == 1 ? "post \(batch[0].reference)" : "post \(batch.count) moves"
            _ = try await workspace.call(.action("account.move", "action_post", ids: batchIDs), label: batchLabel)
            let after = try await workspace.read("account.move", ids: batchIDs, fields: Self.readFields, label: batchLabel)
            return zip(batch, batchIDs).map { operation, id in Self.outcome(operation, id: id, row: after[id] ?? [:], effect: .updated) }
        }
        for (operation, outcome) in zip(ready, posted) {
            outcomes[operation.reference] = outcome
        }
        return operations.map { outcomes[$0.reference] ?? .failure(.system("odoo_internal", "post \($0.reference): no outcome was produced")) }
    }

    /// Cancels a draft or posted move; a cancelled one is `unchanged`.
    func cancel(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        try await transition(operation, method: "button_cancel", from: ["draft", "posted"], done: "cancel")
    }

    /// Resets a posted or cancelled move to draft; a draft is `unchanged`.
    func resetToDraft(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        try await transition(operation, method: "button_draft", from: ["posted", "cancel"], done: "draft")
    }

    private func transition(_ operation: TargetOperation, method: String, from: Set<String>, done: String) async throws(ConnectorError) -> OperationResult {
        let label = "\(operation.action) \(operation.reference)"
        let id = try await workspace.requireRecord(operation.reference, label: label)
        let row = try await workspace.readOne("account.move", id: id, fields: Self.readFields, label: label)
        let state = row["state"]?.stringValue ?? ""
        if state == done {
            return try Self.outcome(operation, id: id, row: row, effect: .unchanged).get()
        }
        guard from.contains(state) else {
            throw .business("odoo_invalid_state", "\(label): the move is \(state) in Odoo", hint: "bring the move to one of \(from.sorted().joined(separator: ", ")) first")
        }
        // button_cancel and button_draft return None, so the JSON-RPC response has no result key.
        _ = try await workspace.call(.action("account.move", method, ids: [id]), label: label)
        let after = try await workspace.readOne("account.move", id: id, fields: Self.readFields, label: label)
        return try Self.outcome(operation, id: id, row: after, effect: .updated).get()
    }

    private func findAll(_ operations: [TargetOperation], label: String, outcomes: inout [TargetReference: OperationOutcome]) async throws(ConnectorError) -> [TargetReference: Int64] {
        let found = try await workspace.directory.findAll(operations.map(\.reference), label: label)
        for operation in operations where found[operation.reference] == nil {
            outcomes[operation.reference] = .failure(ConnectorError(
                .transient, code: "reference_not_found", message: "post \(operation.reference): the move does not exist in Odoo yet",
                hint: "the delivery is retried on its schedule, and succeeds once the move has been delivered",
                missingReference: operation.reference
            ))
        }
        return found
    }

    /// Refuses a posting that Odoo would reject late or accept with a silent difference.
    func checkBeforePosting(_ row: JSONObject, label: String) async throws(ConnectorError) {
        if let total = OdooAmounts.decimal(row["amount_total"]), total.isNegative {
            throw .business(
                "odoo_negative_total", "\(label): the total \(OdooAmounts.text(total)) \(row["currency_id"]?[1]?.stringValue ?? "") is negative, and Odoo rejects posting it",
                hint: "send the document as a credit note (move_type out_refund) with positive lines"
            )
        }
        try await ExchangeRateGuard(workspace: workspace).check(row, label: label)
    }

    static func outcome(_ operation: TargetOperation, id: Int64, row: JSONObject, effect: OperationResult.Effect) -> OperationOutcome {
        var readBack = row
        readBack["id"] = nil
        if let code = row["currency_id"]?[1]?.stringValue, let currency = CurrencyCode(code), !operation.expectations.isEmpty {
            do {
                try AmountCheck.verify(operation.expectations, readBack: row, currency: currency, label: "\(operation.action) \(operation.reference)")
            } catch {
                return .failure(error)
            }
        }
        return .success(OperationResult(reference: operation.reference, effect: effect, targetRecordID: "account.move,\(id)", readBack: readBack))
    }
}

/// Catches a missing exchange rate before posting, because Odoo would post the move at rate 1.0 without a word.
///
/// Odoo uses the newest rate dated on or before the move's date. A rate
/// dated later does not count: on Odoo 17.0, a move dated 2020-01-15 with
/// only a 2026-12-01 rate was posted at 1.0.
struct ExchangeRateGuard: Sendable {
    let workspace: OdooWorkspace

    func check(_ row: JSONObject, label: String) async throws(ConnectorError) {
        let company = try await workspace.catalog.company(label: label)
        guard let currencyID = row["currency_id"]?[0]?.int64Value, currencyID != company.currencyID else { return }
        let code = row["currency_id"]?[1]?.stringValue ?? String(currencyID)
        let date = row["invoice_date"]?.stringValue ?? workspace.today()
        let domain: JSONValue = [
            domainLeaf("currency_id", "=", .number(JSONNumber(currencyID))), domainLeaf("name", "<=", .string(date)),
            "|", domainLeaf("company_id", "=", .number(JSONNumber(company.id))), domainLeaf("company_id", "=", false),
        ]
        let call = OdooCall(model: "res.currency.rate", method: "search_count", arguments: [.init(name: "domain", value: domain)])
        let count = try await workspace.call(call, label: label).int64Value ?? 0
        guard count > 0 else {
            throw .business(
                "odoo_exchange_rate_missing",
                "\(label): Odoo has no \(code) exchange rate dated on or before \(date); posting would convert at rate 1.0",
                hint: "add the \(code) rate for \(date) in Odoo (Accounting > Currencies), then replay"
            )
        }
    }
}
