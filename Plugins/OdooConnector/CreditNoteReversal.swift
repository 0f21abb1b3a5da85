import LedgerportSDK

/// Creates a credit note reversing an invoice, in full or in part, exactly once per external id, and posts it.
///
/// Odoo's `account.move.reversal` wizard creates the credit note without an
/// external id, and binding one afterwards needs administrator rights, so
/// the connector builds the same document itself: it claims an `out_refund`
/// by external id (one transaction, as for payments), then writes
/// `reversed_entry_id`, the invoice's customer, currency and journal, the
/// reference `Reversal of: <number>, <reason>`, and the lines. Posting a
/// credit note with `reversed_entry_id` reconciles it with the invoice (the
/// invoice becomes `reversed` when fully credited), as the wizard's does.
///
/// Lines: the operation's `lines` for a partial credit; otherwise, with an
/// `amount`, one untaxed line of that amount named after the reason;
/// otherwise a copy of the invoice's product lines (a full reversal).
struct CreditNoteReversal: Sendable {
    let workspace: OdooWorkspace

    func apply(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let values = OperationValues(operation)
        let label = values.label
        let upsert = InvoiceUpsert(workspace: workspace)
        let invoiceID = try await workspace.requireRecord(try values.requireReference("invoice", model: "account.move"), label: label)
        let invoice = try await workspace.readOne("account.move", id: invoiceID, fields: InvoiceUpsert.headerFields + ["amount_residual"], label: label)

        let existing = try await workspace.directory.find(operation.reference, label: label)
        if existing == nil {
            guard invoice["state"]?.stringValue == "posted" else {
                throw .business("odoo_invoice_not_posted", "\(label): \(invoice["name"]?.stringValue ?? "the invoice") is not posted in Odoo; only a posted invoice can be credited", hint: "post the invoice first")
            }
        }
        let creditID = try await workspace.directory.claim([operation.reference], model: "account.move", context: ["default_move_type": "out_refund"], label: label)[0]
        let current = try await workspace.readOne("account.move", id: creditID, fields: MoveLifecycle.readFields, label: label)
        guard let currencyCode = invoice["currency_id"]?[1]?.stringValue, let currency = CurrencyCode(currencyCode) else {
            throw .business("odoo_invoice_incomplete", "\(label): the invoice has no currency in Odoo")
        }

        // A posted credit note is final: a retry only reads it back, so a default date of
        // "today" can never make it look different on a later day.
        var result = OperationResult(reference: operation.reference, effect: .unchanged, targetRecordID: "account.move,\(creditID)", readBack: current)
        if current["state"]?.stringValue == "draft" {
            let target = try await resolveTarget(values, operation: operation, invoiceID: invoiceID, invoice: invoice, upsert: upsert)
            result = try await upsert.synchronize(id: creditID, target: target, operation: withoutExpectations(operation), label: label)
        }
        if existing == nil { result.effect = .created }
        if let amount = try values.money("amount") {
            try AmountCheck.verify([AmountExpectation(field: "amount_total", expected: amount)], readBack: result.readBack, currency: currency, label: label)
        }

        if result.readBack["state"]?.stringValue == "draft" {
            let lifecycle = MoveLifecycle(workspace: workspace)
            let row = try await workspace.readOne("account.move", id: creditID, fields: MoveLifecycle.readFields, label: label)
            try await lifecycle.checkBeforePosting(row, label: label)
            _ = try await workspace.call(.action("account.move", "action_post", ids: [creditID]), label: label)
            if result.effect == .unchanged { result.effect = .updated }
        }
        let after = try await workspace.readOne("account.move", id: creditID, fields: MoveLifecycle.readFields, label: label)
        try AmountCheck.verify(operation.expectations, readBack: after, currency: currency, label: label)
        var readBack = after
        readBack["id"] = nil
        result.readBack = readBack
        return result
    }

    /// The expectations apply to the posted credit note, so the draft synchronization must not check them early.
    private func withoutExpectations(_ operation: TargetOperation) -> TargetOperation {
        var copy = operation
        copy.expectations = []
        return copy
    }

    private func resolveTarget(
        _ values: OperationValues, operation: TargetOperation, invoiceID: Int64, invoice: JSONObject, upsert: InvoiceUpsert
    ) async throws(ConnectorError) -> InvoiceUpsert.Target {
        let label = values.label
        guard let currencyCode = invoice["currency_id"]?[1]?.stringValue, let partnerID = invoice["partner_id"]?[0]?.int64Value else {
            throw .business("odoo_invoice_incomplete", "\(label): the invoice has no customer or currency in Odoo")
        }
        let currency = try await workspace.catalog.currency(currencyCode, label: label)
        let reason = try values.string("reason")
        let number = invoice["name"]?.stringValue ?? String(invoiceID)
        var header: JSONObject = [
            "move_type": "out_refund", "partner_id": .number(JSONNumber(partnerID)), "currency_id": .number(JSONNumber(currency.id)),
            "reversed_entry_id": .number(JSONNumber(invoiceID)), "invoice_origin": .string(workspace.scope.qualified(operation.externalID)),
            "ref": .string("Reversal of: \(number)" + (reason.map { ", \($0)" } ?? "")),
            "invoice_date": .string(try values.date("date") ?? workspace.today()),
        ]
        if let journal = invoice["journal_id"]?[0] { header["journal_id"] = journal }

        let lines = try await lines(values, invoiceID: invoiceID, reason: reason, currency: currency, upsert: upsert)
        let digits = try await workspace.catalog.unitPriceDigits(needed: DocumentLine.priceDigits(lines), label: label)
        try AmountCheck.checkPrecision(lines.map { (line: $0.name, price: $0.priceUnit) }, digits: digits, currency: currency.code, label: label)
        return InvoiceUpsert.Target(header: header, lines: lines, currency: currency)
    }

    private func lines(
        _ values: OperationValues, invoiceID: Int64, reason: String?, currency: ReferenceCatalog.Currency, upsert: InvoiceUpsert
    ) async throws(ConnectorError) -> [DocumentLine] {
        if let lineValues = try values.records("lines"), !lineValues.isEmpty {
            let products = try await workspace.directory.findAll(try InvoiceUpsert.productReferences(lineValues), label: values.label)
            var lines = [DocumentLine]()
            for line in lineValues {
                lines.append(try await DocumentLine.parse(line, quantityKey: "quantity", workspace: workspace, products: products))
            }
            return lines
        }
        if let amount = try values.money("amount") {
            guard amount.currency == currency.code, amount.minorUnits > 0 else {
                throw .business("invalid_operation", "\(values.label): the credit amount \(OdooAmounts.describe(amount)) must be positive and in \(currency.code)")
            }
            return [DocumentLine(name: reason ?? "Credit", quantity: ExactDecimal(1), priceUnit: try OdooAmounts.decimal(amount), discount: .zero, productID: nil, taxIDs: [])]
        }
        let rows = try await upsert.readLines(invoiceID, label: values.label)
        return rows.compactMap { DocumentLine(odoo: $0, fields: .invoice) }
    }
}
