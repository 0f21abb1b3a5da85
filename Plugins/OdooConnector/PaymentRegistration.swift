import LedgerportSDK

/// Registers a customer payment against an invoice exactly once per external id, full or partial.
///
/// Odoo itself does not protect against a repeated registration: eight
/// concurrent calls of the `account.payment.register` wizard on one invoice
/// created eight payments on Odoo 17.0. So the payment is never created by
/// the wizard. Instead the connector creates the `account.payment` with
/// `load`, which writes its values and binds its external id in one
/// transaction. Odoo's unique index on external ids lets only one of two
/// concurrent creations win, and the loser's retry finds the winner's payment.
/// Every later step checks the payment's state first, so a retry after a
/// crash resumes where the first attempt stopped:
///
/// 1. find the invoice (transient `reference_not_found` while it is missing);
/// 2. find the payment: cached, or among the customer's payments of the same
///    amount, confirmed by `get_external_id`;
/// 3. when none exists: check that the invoice is posted and open and the
///    amount fits the residual, then create the payment with its values;
/// 4. a draft payment is posted (`action_post`);
/// 5. a posted payment not yet matched with the invoice is reconciled with
///    `js_assign_outstanding_line` on its receivable line.
///
/// NOTE: a crash after step 3 leaves a draft payment bound to the external
/// id; the retry finds it and posts it. If the delivery is abandoned instead,
/// that draft stays in Odoo, unposted, until someone deletes it.
struct PaymentRegistration: Sendable {
    let workspace: OdooWorkspace

    static let invoiceFields = ["name", "state", "move_type", "partner_id", "currency_id", "amount_total", "amount_residual", "payment_state"]

    func apply(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let values = OperationValues(operation)
        let label = values.label
        let invoiceID = try await workspace.requireRecord(try values.requireReference("invoice", model: "account.move"), label: label)
        let invoice = try await workspace.readOne("account.move", id: invoiceID, fields: Self.invoiceFields, label: label)
        let amount = try values.requireMoney("amount")
        let currencyCode = invoice["currency_id"]?[1]?.stringValue ?? ""
        guard amount.currency.rawValue == currencyCode else {
            throw .business("odoo_currency_mismatch", "\(label): the payment is in \(amount.currency), the invoice in \(currencyCode)", hint: "register the payment in the invoice's currency")
        }
        guard let partnerID = invoice["partner_id"]?[0]?.int64Value else {
            throw .business("odoo_invoice_without_customer", "\(label): the invoice has no customer in Odoo")
        }
        let profile = try await workspace.session.link().profile

        var effect = OperationResult.Effect.unchanged
        var paymentID = try await findPayment(operation.reference, partnerID: partnerID, amount: amount, label: label)
        if paymentID == nil {
            try checkOpen(invoice, amount: amount, label: label)
            do {
                paymentID = try await create(operation, values: values, partnerID: partnerID, amount: amount, profile: profile, label: label)
                effect = .created
            } catch where error.failureClass == .business {
                // A concurrent delivery may have created and posted the payment between the lookup and
                // this load, which then rewrote a posted payment and failed; its payment counts.
                guard let found = try await findPayment(operation.reference, partnerID: partnerID, amount: amount, label: label) else { throw error }
                paymentID = found
            }
        }
        guard let paymentID else { preconditionFailure("a created payment has an id") }

        if try await complete(paymentID: paymentID, invoiceID: invoiceID, label: label),
            effect == .unchanged
        {
            effect = .updated
        }

        let after = try await workspace.readOne("account.move", id: invoiceID, fields: Self.invoiceFields, label: label)
        if let currency = CurrencyCode(currencyCode) {
            try AmountCheck.verify(operation.expectations, readBack: after, currency: currency, label: label)
        }
        return OperationResult(
            reference: operation.reference, effect: effect, targetRecordID: "account.payment,\(paymentID)",
            readBack: [
                "invoice": after["name"] ?? .null, "amount_residual": after["amount_residual"] ?? .null,
                "payment_state": after["payment_state"] ?? .null, "amount": OdooAmounts.json(try OdooAmounts.decimal(amount)),
            ]
        )
    }

    /// Posts the payment and matches it with the invoice, skipping what is done; returns whether anything changed.
    ///
    /// Another delivery of the same payment may finish a step first (the
    /// runtime orders deliveries per object, but correctness does not rely on
    /// it). Odoo then refuses the second `action_post` or match with a
    /// UserError, so a failed step re-reads the payment and counts as done
    /// when the other delivery completed it.
    private func complete(paymentID: Int64, invoiceID: Int64, label: String) async throws(ConnectorError) -> Bool {
        var changed = false
        let fields = ["state", "reconciled_invoice_ids"]
        var payment = try await workspace.readOne("account.payment", id: paymentID, fields: fields, label: label)
        if payment["state"]?.stringValue == "draft" {
            do {
                _ = try await workspace.call(.action("account.payment", "action_post", ids: [paymentID]), label: label)
            } catch where error.failureClass == .business {
                payment = try await workspace.readOne("account.payment", id: paymentID, fields: fields, label: label)
                guard payment["state"]?.stringValue != "draft" else { throw error }
                logCompletedElsewhere(error, paymentID: paymentID)
            }
            changed = true
            payment = try await workspace.readOne("account.payment", id: paymentID, fields: fields, label: label)
        }
        guard !Self.matched(payment, invoiceID: invoiceID) else { return changed }
        do {
            try await reconcile(paymentID: paymentID, invoiceID: invoiceID, label: label)
        } catch where error.failureClass == .business || error.code == "odoo_payment_line_missing" {
            payment = try await workspace.readOne("account.payment", id: paymentID, fields: fields, label: label)
            guard Self.matched(payment, invoiceID: invoiceID) else { throw error }
            logCompletedElsewhere(error, paymentID: paymentID)
        }
        return true
    }

    private func logCompletedElsewhere(_ error: ConnectorError, paymentID: Int64) {
        workspace.logger.notice("payment step already done by another delivery", metadata: [
            LogMetadataKey.targetModel: "account.payment", LogMetadataKey.targetRecordID: .string("account.payment,\(paymentID)"),
            LogMetadataKey.error: .string(error.code),
        ])
    }

    private static func matched(_ payment: JSONObject, invoiceID: Int64) -> Bool {
        (payment["reconciled_invoice_ids"]?.arrayValue ?? []).contains { $0.int64Value == invoiceID }
    }

    /// Finds the payment bound to `reference`: cached, or among the customer's payments of this amount.
    private func findPayment(_ reference: TargetReference, partnerID: Int64, amount: Money, label: String) async throws(ConnectorError) -> Int64? {
        if let id = await workspace.directory.cached(reference) { return id }
        let domain: JSONValue = [
            domainLeaf("partner_id", "=", .number(JSONNumber(partnerID))),
            domainLeaf("amount", "=", try OdooAmounts.json(amount)),
        ]
        let rows = try await workspace.call(.searchRead("account.payment", domain: domain, fields: ["id"], order: "id desc", limit: 200), label: label)
        let candidates = (rows.arrayValue ?? []).compactMap { $0["id"]?.int64Value }
        let found = try await workspace.directory.confirm(candidates, model: "account.payment", qualified: workspace.scope.qualified(reference.externalID), label: label)
        if let found { await workspace.directory.remember(reference, id: found) }
        return found
    }

    /// Refuses a new payment on an invoice that is not posted, already settled, or smaller than the amount.
    private func checkOpen(_ invoice: JSONObject, amount: Money, label: String) throws(ConnectorError) {
        let name = invoice["name"]?.stringValue ?? "the invoice"
        guard invoice["state"]?.stringValue == "posted" else {
            throw .business("odoo_invoice_not_posted", "\(label): \(name) is \(invoice["state"]?.stringValue ?? "not posted") in Odoo; a payment needs a posted invoice", hint: "post the invoice first; the mapping should send a post operation before the payment")
        }
        guard amount.minorUnits > 0 else {
            throw .business("invalid_operation", "\(label): the payment amount \(OdooAmounts.describe(amount)) must be positive")
        }
        guard let residual = OdooAmounts.money(invoice["amount_residual"], currency: amount.currency), residual.minorUnits >= amount.minorUnits else {
            let residualText = OdooAmounts.money(invoice["amount_residual"], currency: amount.currency).map(OdooAmounts.describe) ?? "unknown"
            throw .business(
                "odoo_overpayment", "\(label): the payment of \(OdooAmounts.describe(amount)) exceeds the open amount \(residualText) of \(name)",
                hint: "check whether the invoice was already paid or credited in Odoo"
            )
        }
    }

    /// Creates the payment with all its values and its external id in one `load`, so no empty payment ever exists.
    private func create(
        _ operation: TargetOperation, values: OperationValues, partnerID: Int64, amount: Money, profile: OdooVersionProfile, label: String
    ) async throws(ConnectorError) -> Int64 {
        let currency = try await workspace.catalog.currency(amount.currency.rawValue, label: label)
        let journalCode = try values.string("journal_code") ?? workspace.settings.paymentJournalCode
        let journalID = try await workspace.catalog.journal(code: journalCode, type: "bank", label: label)
        var cells = [
            "id": workspace.scope.qualified(operation.externalID), "payment_type": "inbound", "partner_type": "customer",
            "partner_id/.id": String(partnerID), "amount": OdooAmounts.text(try OdooAmounts.decimal(amount)),
            "currency_id/.id": String(currency.id), "journal_id/.id": String(journalID), "date": try values.date("date") ?? workspace.today(),
        ]
        if let memo = try values.string("memo") {
            cells[profile.paymentMemoField] = memo
        }
        let columns = ["id"] + cells.keys.filter { $0 != "id" }.sorted()
        let result = try await workspace.call(.load("account.payment", fields: columns, rows: [columns.map { cells[$0] ?? "" }]), label: label)
        let id = try LoadResult(result, label: label).requireIDs(count: 1, label: label)[0]
        await workspace.directory.remember(operation.reference, id: id)
        return id
    }

    /// Matches the payment's open receivable line with the invoice.
    private func reconcile(paymentID: Int64, invoiceID: Int64, label: String) async throws(ConnectorError) {
        let domain: JSONValue = [
            domainLeaf("payment_id", "=", .number(JSONNumber(paymentID))),
            domainLeaf("account_id.account_type", "=", "asset_receivable"),
            domainLeaf("reconciled", "=", false),
        ]
        let lines = try await workspace.call(.searchRead("account.move.line", domain: domain, fields: ["id"], limit: 1), label: label)
        guard let lineID = lines[0]?["id"]?.int64Value else {
            throw .system("odoo_payment_line_missing", "\(label): payment \(paymentID) has no open receivable line to match with the invoice", hint: "check the payment in Odoo; its outstanding account may not be a receivable")
        }
        let call = OdooCall(model: "account.move", method: "js_assign_outstanding_line", ids: [invoiceID], arguments: [.init(name: "line_id", value: .number(JSONNumber(lineID)))])
        _ = try await workspace.call(call, label: label)
    }
}
