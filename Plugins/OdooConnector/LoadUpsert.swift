import LedgerportSDK

/// Upserts plain records (partners, products) with one `load` call per batch, keyed by their external ids.
///
/// `load` creates the record and its external id, or updates the record that
/// already has it, also for a non-admin user. Rows of one call must share
/// their columns, so operations are grouped by column set. An empty cell
/// would clear a field, so absent values never become empty cells. A failing
/// load (a bad value in one row) is bisected. A record whose id the connector
/// already knew was updated. For the others, `create_date == write_date` after
/// the load distinguishes a created record from an updated one; those dates have whole
/// seconds only, so a record created and changed within one second by another
/// process counts as created.
struct LoadUpsert: Sendable {
    /// One prepared row: the operation, its load cells by column, and values that need a write with Odoo ids.
    struct Row: Sendable {
        var operation: TargetOperation
        var cells: [String: String]
        var writeValues: JSONObject
    }

    let workspace: OdooWorkspace
    let model: String

    /// Applies prepared rows and returns each operation's outcome by reference.
    func apply(_ rows: [Row]) async -> [TargetReference: OperationOutcome] {
        var outcomes = [TargetReference: OperationOutcome]()
        let groups = Dictionary(grouping: rows) { $0.cells.keys.sorted() }
        for (_, group) in groups.sorted(by: { $0.key.joined(separator: ",") < $1.key.joined(separator: ",") }) {
            let byReference = Dictionary(group.map { ($0.operation.reference, $0) }) { first, _ in first }
            let results = await Bisection.run(group.map(\.operation)) { (batch: [TargetOperation]) async throws(ConnectorError) -> [OperationOutcome] in
                try await load(batch.compactMap { byReference[$0.reference] })
            }
            for (row, outcome) in zip(group, results) {
                outcomes[row.operation.reference] = outcome
            }
        }
        return outcomes
    }

    private func load(_ rows: [Row]) async throws(ConnectorError) -> [OperationOutcome] {
        let label = rows.count == 1
            ? "upsert \(rows[0].operation.reference)"
            : "upsert \(rows.count) records of \(model)"
        let columns = ["id"] + rows[0].cells.keys.sorted()
        let data = rows.map { row in
            [workspace.scope.qualified(row.operation.externalID)] + columns.dropFirst().map { row.cells[$0] ?? "" }
        }
        let knownBefore = await workspace.directory.cachedAll(rows.map(\.operation.reference))
        let result = try await workspace.call(.load(model, fields: columns, rows: data), label: label)
        let ids = try LoadResult(result, label: label).requireIDs(count: rows.count, label: label)
        await workspace.directory.rememberAll(rows.map(\.operation.reference), ids: ids)

        let stamps = try await workspace.read(model, ids: ids, fields: ["name", "create_date", "write_date"], label: label)
        try await writeIDValues(rows: rows, ids: ids, label: label)

        return zip(zip(rows, ids), knownBefore).map { pair, known in
            let (row, id) = pair
            let stamp = stamps[id] ?? [:]
            let created = !known && stamp["create_date"] != nil && stamp["create_date"] == stamp["write_date"]
            return .success(OperationResult(
                reference: row.operation.reference, effect: created ? .created : .updated,
                targetRecordID: "\(model),\(id)", readBack: ["name": stamp["name"] ?? .null]
            ))
        }
    }

    /// Writes values that `load` cannot take as text (Odoo ids such as `country_id`), one call per distinct set of values.
    private func writeIDValues(rows: [Row], ids: [Int64], label: String) async throws(ConnectorError) {
        var byValues = [JSONObject: [Int64]]()
        for (row, id) in zip(rows, ids) where !row.writeValues.isEmpty {
            byValues[row.writeValues, default: []].append(id)
        }
        for (values, group) in byValues {
            _ = try await workspace.call(.write(model, ids: group, values: values), label: label)
        }
    }
}
