import LedgerportSDK

/// Upserts an invoice or credit note (`account.move`) by external id, and compares instead of rewriting once it is posted.
///
/// Steps: check the values and the unit-price precision, then resolve the
/// customer, products, currency, taxes and journal. Claim the record, which
/// creates an empty draft for a new external id and writes nothing for an
/// existing one. Read its state and lines. A draft that differs from the
/// source is rewritten in one `write`. A posted or cancelled move that
/// differs is a business error naming the difference, and a move that
/// matches is `unchanged`.
/// After every write the totals are read back and compared with the
/// operation's expectations and the unit prices sent.
struct InvoiceUpsert: Sendable {
    let workspace: OdooWorkspace

    static let headerFields = [
        "name", "state", "move_type", "partner_id", "currency_id", "invoice_date", "invoice_date_due",
        "ref", "payment_reference", "journal_id", "invoice_origin", "narration",
    ]
    static let totalFields = ["name", "state", "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "payment_state"]

    /// The header values and lines a move should have.
    struct Target: Sendable {
        var header: JSONObject
        var lines: [DocumentLine]
        var currency: ReferenceCatalog.Currency
    }

    func apply(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let values = OperationValues(operation)
        let target = try await resolve(values, operation: operation)
        let moveType = target.header["move_type"]?.stringValue ?? "out_invoice"
        let id = try await workspace.directory.claim([operation.reference], model: "account.move", context: ["default_move_type": .string(moveType)], label: values.label)[0]
        return try await synchronize(id: id, target: target, operation: operation, label: values.label)
    }

    /// Brings move `id` to `target` when it is a draft, or compares it otherwise, then checks the amounts.
    func synchronize(id: Int64, target: Target, operation: TargetOperation, label: String) async throws(ConnectorError) -> OperationResult {
        let header = try await workspace.readOne("account.move", id: id, fields: Self.headerFields, label: label)
        let lineRows = try await readLines(id, label: label)
        let actualLines = lineRows.compactMap { DocumentLine(odoo: $0, fields: .invoice) }
        let difference = Self.headerDifference(target.header, header) ?? DocumentLine.difference(wanted: target.lines, actual: actualLines)

        var effect = OperationResult.Effect.unchanged
        if let difference {
            guard header["state"]?.stringValue == "draft" else {
                throw .business(
                    "odoo_posted_document_differs",
                    "\(label): the \(header["state"]?.stringValue ?? "non-draft") move \(header["name"]?.stringValue ?? String(id)) differs from the source: \(difference)",
                    hint: "a posted move is never rewritten; issue a credit note or reset it to draft in Odoo, then replay"
                )
            }
            var values = target.header
            values["invoice_line_ids"] = DocumentLine.replaceCommands(with: target.lines, fields: .invoice)
            _ = try await workspace.call(.write("account.move", ids: [id], values: values), label: label)
            let wasEmpty = header["partner_id"]?.int64Value == nil && header["partner_id"]?[0] == nil && lineRows.isEmpty
            effect = wasEmpty ? .created : .updated
        }
        return try await verify(id: id, target: target, operation: operation, effect: effect, label: label)
    }

    private func verify(id: Int64, target: Target, operation: TargetOperation, effect: OperationResult.Effect, label: String) async throws(ConnectorError) -> OperationResult {
        let totals = try await workspace.readOne("account.move", id: id, fields: Self.totalFields, label: label)
        let stored = try await readLines(id, label: label).map { $0["price_unit"] }
        let sent = target.lines.map { (line: $0.name, price: $0.priceUnit) }
        try AmountCheck.verifyStoredPrices(sent: sent, stored: stored, currency: target.currency.code, label: label)
        try AmountCheck.verify(operation.expectations, readBack: totals, currency: target.currency.code, label: label)
        var readBack = totals
        readBack["id"] = nil
        return OperationResult(reference: operation.reference, effect: effect, targetRecordID: "account.move,\(id)", readBack: readBack)
    }

    func readLines(_ id: Int64, label: String) async throws(ConnectorError) -> [JSONValue] {
        let domain: JSONValue = [domainLeaf("move_id", "=", .number(JSONNumber(id))), domainLeaf("display_type", "=", "product")]
        let call = OdooCall.searchRead("account.move.line", domain: domain, fields: DocumentLine.Fields.invoice.readList, order: "id")
        return try await workspace.call(call, label: label).arrayValue ?? []
    }

    /// Resolves the operation's values to the header and lines the move must have.
    func resolve(_ values: OperationValues, operation: TargetOperation) async throws(ConnectorError) -> Target {
        let label = values.label
        let currency = try await workspace.catalog.currency(try values.requireString("currency"), label: label)
        let lineValues = try values.records("lines") ?? []
        let products = try await workspace.directory.findAll(try Self.productReferences(lineValues), label: label)
        var lines = [DocumentLine]()
        for line in lineValues {
            lines.append(try await DocumentLine.parse(line, quantityKey: "quantity", workspace: workspace, products: products))
        }
        let digits = try await workspace.catalog.unitPriceDigits(needed: DocumentLine.priceDigits(lines), label: label)
        try AmountCheck.checkPrecision(lines.map { (line: $0.name, price: $0.priceUnit) }, digits: digits, currency: currency.code, label: label)

        let moveType = try values.string("move_type") ?? "out_invoice"
        guard moveType == "out_invoice" || moveType == "out_refund" else {
            throw values.invalid("move_type", expected: "out_invoice or out_refund, not \"\(moveType)\"")
        }
        let partner = try await workspace.requireRecord(try values.requireReference("partner", model: "res.partner"), label: label)
        var header: JSONObject = [
            "move_type": .string(moveType), "partner_id": .number(JSONNumber(partner)), "currency_id": .number(JSONNumber(currency.id)),
            "invoice_origin": .string(workspace.scope.qualified(operation.externalID)),
        ]
        for key in ["ref", "payment_reference", "narration"] {
            if let text = try values.string(key) { header[key] = .string(text) }
        }
        for key in ["invoice_date", "invoice_date_due"] {
            if let date = try values.date(key) { header[key] = .string(date) }
        }
        if let code = try values.string("journal_code") ?? workspace.settings.salesJournalCode {
            header["journal_id"] = .number(JSONNumber(try await workspace.catalog.journal(code: code, type: "sale", label: label)))
        }
        return Target(header: header, lines: lines, currency: currency)
    }

    /// Collects the product references of `lines`, in order.
    static func productReferences(_ lines: [OperationValues]) throws(ConnectorError) -> [TargetReference] {
        var references = [TargetReference]()
        for line in lines {
            if let product = try line.reference("product", model: "product.product") { references.append(product) }
        }
        return references
    }

    /// Describes the first header value that differs, or returns nil. Many-to-one fields read back as `[id, name]`.
    static func headerDifference(_ wanted: JSONObject, _ actual: JSONObject) -> String? {
        for key in wanted.keys.sorted() {
            let want = wanted[key] ?? .null
            var have = actual[key] ?? .null
            if case .array(let pair) = have, pair.count == 2 { have = pair[0] }
            if have == .bool(false), want == .string("") { continue }
            if key == "narration", let text = want.stringValue, have.stringValue?.contains(text) == true { continue }
            if want != have {
                return "\(key) is \(have) in Odoo, \(want) in the source"
            }
        }
        return nil
    }
}
