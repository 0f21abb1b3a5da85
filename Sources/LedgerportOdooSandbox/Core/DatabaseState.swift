import LedgerportSDK

/// The rows of one model and the next id its sequence hands out.
package struct ModelTable: Sendable, Equatable {
    /// The records by id.
    package var rows: [Int: RecordValues] = [:]
    /// The id the next created record gets; ids are never reused, like a PostgreSQL sequence.
    package var nextID = 1

    /// Creates a table with `rows`, whose sequence hands out `nextID` next.
    package init(rows: [Int: RecordValues] = [:], nextID: Int = 1) {
        self.rows = rows
        self.nextID = nextID
    }
}

/// Every record of one database, keyed by model name, with lookup indexes.
///
/// A value type: a transaction works on a copy and the database keeps the
/// copy only when the call succeeds, which gives Odoo's one-transaction-per-call
/// rollback for free. The indexes (records by parent, external ids) are
/// derived from the rows and rebuilt by ``rebuildIndexes(indexedFields:)``.
package struct DatabaseState: Sendable, Equatable {
    /// The tables by model name; a model without records may have no table.
    package var tables: [String: ModelTable] = [:]
    /// Records by the value of an indexed many2one: model, field, linked id, ids.
    private(set) var parentIndex: [String: [String: [Int: Set<Int>]]] = [:]
    /// `ir.model.data` ids by complete external id (`module.name`).
    private(set) var externalIDIndex: [String: Int] = [:]
    /// `ir.model.data` ids by the record they name.
    private(set) var externalIDsByRecord: [RecordReference: Int] = [:]

    /// Creates a state with `tables`. Call ``rebuildIndexes(indexedFields:)`` before searching it.
    package init(tables: [String: ModelTable] = [:]) {
        self.tables = tables
    }

    /// Rebuilds every index from the rows; `indexedFields` lists the many2one fields to index per model.
    package mutating func rebuildIndexes(indexedFields: [String: Set<String>]) {
        parentIndex = [:]
        externalIDIndex = [:]
        externalIDsByRecord = [:]
        for (model, table) in tables {
            for (id, row) in table.rows {
                index(model, id, row, indexedFields: indexedFields[model] ?? [])
            }
        }
    }

    mutating func index(_ model: String, _ id: Int, _ row: RecordValues, indexedFields: Set<String>) {
        for field in indexedFields {
            if let linked = row[field]?.intValue {
                parentIndex[model, default: [:]][field, default: [:]][linked, default: []].insert(id)
            }
        }
        if model == "ir.model.data", let module = row["module"]?.stringValue, let name = row["name"]?.stringValue {
            externalIDIndex["\(module).\(name)"] = id
            if let target = row["model"]?.stringValue, let resID = row["res_id"]?.intValue {
                externalIDsByRecord[RecordReference(target, resID)] = id
            }
        }
    }

    mutating func unindex(_ model: String, _ id: Int, _ row: RecordValues, indexedFields: Set<String>) {
        for field in indexedFields {
            if let linked = row[field]?.intValue {
                parentIndex[model]?[field]?[linked]?.remove(id)
            }
        }
        if model == "ir.model.data", let module = row["module"]?.stringValue, let name = row["name"]?.stringValue {
            externalIDIndex["\(module).\(name)"] = nil
            if let target = row["model"]?.stringValue, let resID = row["res_id"]?.intValue,
                externalIDsByRecord[RecordReference(target, resID)] == id
            {
                externalIDsByRecord[RecordReference(target, resID)] = nil
            }
        }
    }

    /// Returns the ids of `model` whose indexed many2one `field` links to `target`, or nil when the field is not indexed.
    func linked(_ model: String, field: String, to target: Int, indexedFields: Set<String>) -> Set<Int>? {
        guard indexedFields.contains(field) else {
            return nil
        }
        return parentIndex[model]?[field]?[target] ?? []
    }

    func externalIDRow(named completeName: String) -> Int? {
        externalIDIndex[completeName]
    }

    func externalIDRow(for record: RecordReference) -> Int? {
        externalIDsByRecord[record]
    }
}

/// The records a transaction changed, for the store to persist.
package struct ChangeSet: Sendable, Equatable {
    /// The new columns of created or updated records.
    package var upserts: [RecordReference: RecordValues] = [:]
    /// Deleted records.
    package var deletions: Set<RecordReference> = []
    /// The sequence position of every model whose sequence moved.
    package var nextIDs: [String: Int] = [:]

    /// An empty change set.
    package init() {}

    /// Whether nothing changed, so there is nothing to store.
    package var isEmpty: Bool {
        upserts.isEmpty && deletions.isEmpty && nextIDs.isEmpty
    }
}
