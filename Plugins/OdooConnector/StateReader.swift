import LedgerportSDK

/// Reads a record back by external id for demos, reconciliation and the exception workbench.
///
/// Without `fields`, it reads what finance operators look at: the number,
/// state, totals, residual and `payment_state` of documents, and the name
/// of other records. Returns nil when no record has the external id. A draft
/// invoice without a number reads `name` as null, on 17.0 and 19.0 alike.
struct StateReader: Sendable {
    let workspace: OdooWorkspace

    static let defaultFields: [String: [String]] = [
        "account.move": ["name", "state", "move_type", "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "payment_state", "currency_id"],
        "account.payment": ["name", "state", "amount", "currency_id", "partner_id"],
        "sale.order": ["name", "state", "amount_untaxed", "amount_tax", "amount_total", "currency_id"],
        "res.partner": ["name", "email", "active"],
        "product.product": ["name", "default_code", "list_price"],
        "mail.activity": ["summary", "res_model", "res_id", "date_deadline"],
    ]

    func read(_ reference: TargetReference, fields: [String]) async throws(ConnectorError) -> TargetRecordState? {
        let label = "read \(reference)"
        guard let id = try await workspace.directory.find(reference, label: label) else { return nil }
        let wanted = fields.isEmpty ? Self.defaultFields[reference.model] ?? ["display_name"] : fields
        guard var row = try await workspace.read(reference.model, ids: [id], fields: wanted, label: label)[id] else {
            await workspace.directory.forget(reference)
            return nil
        }
        row["id"] = nil
        if reference.model == "account.move", row["name"] != nil {
            let profile = try await workspace.session.link().profile
            row["name"] = profile.documentNumber(row["name"]).map(JSONValue.string) ?? .null
        }
        return TargetRecordState(reference: reference, targetRecordID: "\(reference.model),\(id)", fields: row)
    }
}
