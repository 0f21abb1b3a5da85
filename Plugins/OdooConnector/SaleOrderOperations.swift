import LedgerportSDK

/// Sales orders (`sale.order`) for subscriptions: upsert while a quotation, confirm once.
///
/// Upsert values: `partner` (required), `lines` (required: `product`, `name`,
/// `product_uom_qty`, `price_unit`, `discount`, `taxes`), `currency`,
/// `date_order`, `client_order_ref`, `note`. A new order is created by `load`
/// with its external id and customer. Because an order needs a customer, a
/// `load(["id"])` probe never creates one. The rest is written as for an
/// invoice: a quotation that differs is rewritten, and a confirmed order
/// that differs is a business error. The order's currency comes from its
/// pricelist, so an order with a `currency` is created on a pricelist in that
/// currency; an existing order whose pricelist is in another currency is
/// reported, not rewritten.
struct SaleOrderOperations: Sendable {
    let workspace: OdooWorkspace

    static let headerFields = ["name", "state", "partner_id", "client_order_ref", "currency_id"]
    static let totalFields = ["name", "state", "amount_untaxed", "amount_tax", "amount_total", "currency_id"]
    static let editableStates: Set<String> = ["draft", "sent"]

    func upsert(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let values = OperationValues(operation)
        let label = values.label
        let profile = try await workspace.session.link().profile
        let fields = DocumentLine.Fields.order(profile)
        let partnerReference = try values.requireReference("partner", model: "res.partner")
        let partnerID = try await workspace.requireRecord(partnerReference, label: label)

        let lineValues = try values.records("lines") ?? []
        let products = try await workspace.directory.findAll(try InvoiceUpsert.productReferences(lineValues), label: label)
        var lines = [DocumentLine]()
        for line in lineValues {
            lines.append(try await DocumentLine.parse(line, quantityKey: "product_uom_qty", workspace: workspace, products: products))
        }
        let digits = try await workspace.catalog.unitPriceDigits(needed: DocumentLine.priceDigits(lines), label: label)
        let currencyText = try values.string("currency")
        try AmountCheck.checkPrecision(lines.map { (line: $0.name, price: $0.priceUnit) }, digits: digits, currency: CurrencyCode(currencyText ?? "") ?? "XXX", label: label)

        var created = false
        var id = try await workspace.directory.find(operation.reference, label: label)
        if id == nil {
            var fields = ["id", "partner_id/id"]
            var row = [workspace.scope.qualified(operation.externalID), workspace.scope.qualified(partnerReference.externalID)]
            if let currencyText {
                fields.append("pricelist_id/.id")
                row.append(String(try await workspace.catalog.pricelist(currency: currencyText, label: label)))
            }
            let result = try await workspace.call(.load("sale.order", fields: fields, rows: [row]), label: label)
            id = try LoadResult(result, label: label).requireIDs(count: 1, label: label)[0]
            await workspace.directory.remember(operation.reference, id: id!)
            created = true
        }
        guard let id else { preconditionFailure("a created order has an id") }

        let header = try await workspace.readOne("sale.order", id: id, fields: Self.headerFields, label: label)
        if let currencyText, header["currency_id"]?[1]?.stringValue != currencyText.uppercased() {
            throw .business("odoo_currency_mismatch", "\(label): the order's pricelist is in \(header["currency_id"]?[1]?.stringValue ?? "no currency"), the source in \(currencyText)", hint: "give the customer a pricelist in \(currencyText) in Odoo, then replay")
        }
        var wanted: JSONObject = ["partner_id": .number(JSONNumber(partnerID))]
        if let reference = try values.string("client_order_ref") { wanted["client_order_ref"] = .string(reference) }
        let lineRows = try await readLines(id, fields: fields, label: label)
        let actual = lineRows.compactMap { DocumentLine(odoo: $0, fields: fields) }
        let difference = InvoiceUpsert.headerDifference(wanted, header) ?? DocumentLine.difference(wanted: lines, actual: actual)

        var effect: OperationResult.Effect = created ? .created : .unchanged
        if let difference {
            let state = header["state"]?.stringValue ?? ""
            guard Self.editableStates.contains(state) else {
                throw .business("odoo_confirmed_order_differs", "\(label): the confirmed order \(header["name"]?.stringValue ?? String(id)) differs from the source: \(difference)", hint: "change confirmed orders in Odoo or with a new order, then replay")
            }
            var write = wanted
            if let note = try values.string("note") { write["note"] = .string(note) }
            if let date = try values.date("date_order") { write["date_order"] = .string(date + " 00:00:00") }
            write["order_line"] = DocumentLine.replaceCommands(with: lines, fields: fields)
            _ = try await workspace.call(.write("sale.order", ids: [id], values: write), label: label)
            if !created { effect = .updated }
        }
        return try await readBack(id: id, operation: operation, effect: effect, label: label)
    }

    /// Confirms a quotation; a confirmed order is `unchanged`, a cancelled one a business error.
    func confirm(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let label = "confirm_order \(operation.reference)"
        let id = try await workspace.requireRecord(operation.reference, label: label)
        let row = try await workspace.readOne("sale.order", id: id, fields: ["name", "state"], label: label)
        switch row["state"]?.stringValue ?? "" {
        case "sale", "done":
            return try await readBack(id: id, operation: operation, effect: .unchanged, label: label)
        case let state where Self.editableStates.contains(state):
            // Odoo refuses a second action_confirm with a UserError, so the state check above keeps retries quiet.
            _ = try await workspace.call(.action("sale.order", "action_confirm", ids: [id]), label: label)
            return try await readBack(id: id, operation: operation, effect: .updated, label: label)
        case let state:
            throw .business("odoo_invalid_state", "\(label): the order \(row["name"]?.stringValue ?? String(id)) is \(state) in Odoo and cannot be confirmed", hint: "set the order back to quotation in Odoo, then replay")
        }
    }

    /// Cancels an order for a subscription that ended; a cancelled order is `unchanged`.
    ///
    /// An order whose invoices are posted is a business error: Odoo would refuse or leave the
    /// invoices behind, and a finance operator decides whether to credit them first.
    func cancel(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let label = "cancel \(operation.reference)"
        let id = try await workspace.requireRecord(operation.reference, label: label)
        let row = try await workspace.readOne("sale.order", id: id, fields: ["name", "state", "invoice_ids"], label: label)
        if row["state"]?.stringValue == "cancel" {
            return try await readBack(id: id, operation: operation, effect: .unchanged, label: label)
        }
        let invoices = row["invoice_ids"]?.arrayValue?.compactMap(\.int64Value) ?? []
        if !invoices.isEmpty {
            let posted = try await workspace.call(
                .searchRead("account.move", domain: [domainLeaf("id", "in", .array(invoices.map { .number(JSONNumber($0)) })), domainLeaf("state", "=", "posted")], fields: ["name"]),
                label: label
            ).arrayValue ?? []
            if !posted.isEmpty {
                let names = posted.compactMap { $0["name"]?.stringValue }.joined(separator: ", ")
                throw .business("odoo_order_invoiced", "\(label): the order \(row["name"]?.stringValue ?? String(id)) has posted invoices (\(names)) and cannot be cancelled", hint: "credit the invoices in Odoo or cancel the order by hand, then discard or replay the delivery")
            }
        }
        // NOTE: Odoo 17 may answer a confirmed order's action_cancel with a confirmation wizard instead of
        // cancelling; disable_cancel_warning asks it not to. Not verified against a recording of real Odoo.
        _ = try await workspace.call(.action("sale.order", "action_cancel", ids: [id], context: ["disable_cancel_warning": true]), label: label)
        let state = try await workspace.readOne("sale.order", id: id, fields: ["state"], label: label)["state"]?.stringValue
        guard state == "cancel" else {
            throw .business("odoo_order_not_cancelled", "\(label): Odoo left the order in state \(state ?? "unknown") after action_cancel", hint: "cancel the order by hand in Odoo, then discard the delivery")
        }
        return try await readBack(id: id, operation: operation, effect: .updated, label: label)
    }

    private func readLines(_ id: Int64, fields: DocumentLine.Fields, label: String) async throws(ConnectorError) -> [JSONValue] {
        let domain: JSONValue = [domainLeaf("order_id", "=", .number(JSONNumber(id))), domainLeaf("display_type", "=", false)]
        return try await workspace.call(.searchRead("sale.order.line", domain: domain, fields: fields.readList, order: "id"), label: label).arrayValue ?? []
    }

    private func readBack(id: Int64, operation: TargetOperation, effect: OperationResult.Effect, label: String) async throws(ConnectorError) -> OperationResult {
        let totals = try await workspace.readOne("sale.order", id: id, fields: Self.totalFields, label: label)
        if let code = totals["currency_id"]?[1]?.stringValue, let currency = CurrencyCode(code) {
            try AmountCheck.verify(operation.expectations, readBack: totals, currency: currency, label: label)
        }
        var readBack = totals
        readBack["id"] = nil
        return OperationResult(reference: operation.reference, effect: effect, targetRecordID: "sale.order,\(id)", readBack: readBack)
    }
}
