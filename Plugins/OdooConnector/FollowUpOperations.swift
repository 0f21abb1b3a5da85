import LedgerportSDK

/// Dunning triggers: an activity on a record (`mail.activity`) and a tag on a customer (`res.partner.category`).
///
/// An activity is created by `load` with its external id, so it exists once
/// per external id. `activity_type` maps `todo`, `email`, `call` and
/// `meeting` to Odoo's types of those names and takes any other value as a
/// type name. A tag on an invoice goes to the invoice's customer, because
/// Odoo's moves have no tags; adding a present tag is `unchanged`.
struct FollowUpOperations: Sendable {
    let workspace: OdooWorkspace

    static let activityTypeNames = ["todo": "To-Do", "email": "Email", "call": "Call", "meeting": "Meeting"]

    func addActivity(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let values = OperationValues(operation)
        let label = values.label
        if let id = try await workspace.directory.find(operation.reference, label: label) {
            return OperationResult(reference: operation.reference, effect: .unchanged, targetRecordID: "mail.activity,\(id)")
        }
        let record = try values.requireAnyReference("record")
        let recordID = try await workspace.requireRecord(record, label: label)
        let modelID = try await workspace.catalog.modelID(record.model, label: label)
        let typeText = try values.string("activity_type") ?? "todo"
        let typeID = try await workspace.catalog.activityType(Self.activityTypeNames[typeText] ?? typeText, label: label)

        var cells = [
            "id": workspace.scope.qualified(operation.externalID), "res_model_id/.id": String(modelID), "res_id": String(recordID),
            "activity_type_id/.id": String(typeID), "summary": try values.requireString("summary"),
        ]
        if let note = try values.string("note") { cells["note"] = note }
        if let deadline = try values.date("date_deadline") { cells["date_deadline"] = deadline }
        let columns = cells.keys.sorted()
        let result = try await workspace.call(.load("mail.activity", fields: columns, rows: [columns.map { cells[$0] ?? "" }]), label: label)
        let id = try LoadResult(result, label: label).requireIDs(count: 1, label: label)[0]
        await workspace.directory.remember(operation.reference, id: id)
        return OperationResult(reference: operation.reference, effect: .created, targetRecordID: "mail.activity,\(id)", readBack: ["summary": .string(cells["summary"] ?? "")])
    }

    func addTag(_ operation: TargetOperation) async throws(ConnectorError) -> OperationResult {
        let values = OperationValues(operation)
        let label = values.label
        let tag = try values.requireString("tag")
        var partnerID = try await workspace.requireRecord(operation.reference, label: label)
        if operation.model == "account.move" {
            let move = try await workspace.readOne("account.move", id: partnerID, fields: ["partner_id"], label: label)
            guard let customer = move["partner_id"]?[0]?.int64Value else {
                throw .business("odoo_invoice_without_customer", "\(label): the move has no customer in Odoo to tag")
            }
            partnerID = customer
        }
        let categoryID = try await workspace.catalog.partnerCategory(tag, label: label)
        let partner = try await workspace.readOne("res.partner", id: partnerID, fields: ["category_id"], label: label)
        let present = (partner["category_id"]?.arrayValue ?? []).compactMap(\.int64Value)
        var effect = OperationResult.Effect.unchanged
        if !present.contains(categoryID) {
            _ = try await workspace.call(.write("res.partner", ids: [partnerID], values: ["category_id": [[4, .number(JSONNumber(categoryID))]]]), label: label)
            effect = .updated
        }
        return OperationResult(reference: operation.reference, effect: effect, targetRecordID: "res.partner,\(partnerID)", readBack: ["tag": .string(tag)])
    }
}
