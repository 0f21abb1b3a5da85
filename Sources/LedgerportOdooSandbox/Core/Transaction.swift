import Foundation
import LedgerportSDK

/// One call's view of a database: a working copy of its records, the calling user and the context.
///
/// Odoo runs every RPC call in one database transaction. The sandbox does the
/// same by working on a copy of ``DatabaseState`` that the database keeps
/// only when the call succeeds. The row primitives here (`row`, `insert`,
/// `update`, `remove`) do no validation; the ORM operations in the
/// `Transaction+…` extensions validate the way Odoo does and call the model
/// behaviours. Not thread-safe: one transaction belongs to one call.
final class Transaction {
    private(set) var state: DatabaseState
    let registry: ModelRegistry
    let clock: any WallClock
    let databaseName: String
    let transport: Transport
    /// The user the call runs as.
    private(set) var uid: Int
    /// The call's context (`active_test`, `active_ids`, `lang`, ...).
    var context: JSONObject
    private var superuserDepth = 0
    /// Records whose one2many lines are being created with them; their lines' hooks wait for the parent's `didCreate`.
    private(set) var recordsInCreation: Set<RecordReference> = []
    private var touched: Set<RecordReference> = []
    private var movedSequences: Set<String> = []

    init(
        state: DatabaseState, registry: ModelRegistry, clock: any WallClock, databaseName: String,
        uid: Int, context: JSONObject = [:], transport: Transport = .jsonRPC
    ) {
        self.state = state
        self.registry = registry
        self.clock = clock
        self.databaseName = databaseName
        self.uid = uid
        self.context = context
        self.transport = transport
    }

    var profile: OdooVersionProfile { registry.profile }

    /// Whether access rules are skipped, as for Odoo's superuser or code running under `sudo()`.
    var isSuperuser: Bool { superuserDepth > 0 || uid == 1 }

    /// Runs `body` with access rules skipped, as Odoo code does with `sudo()`.
    func sudo<Result>(_ body: () throws -> Result) rethrows -> Result {
        superuserDepth += 1
        defer { superuserDepth -= 1 }
        return try body()
    }

    /// Runs `body` while `record` counts as being created.
    func creating<Result>(_ record: RecordReference, _ body: () throws -> Result) rethrows -> Result {
        recordsInCreation.insert(record)
        defer { recordsInCreation.remove(record) }
        return try body()
    }

    /// Runs `body` with `changes` merged into the context, restoring the context afterwards.
    func withContext<Result>(_ changes: JSONObject, _ body: () throws -> Result) rethrows -> Result {
        let saved = context
        context.merge(changes) { _, new in new }
        defer { context = saved }
        return try body()
    }

    // MARK: Models

    /// Returns the model named `name`, or raises the UserError Odoo raises for an unknown model.
    func definition(_ name: String) throws -> ModelDefinition {
        guard let model = registry.model(name) else {
            throw OdooFault.unknownModel(name)
        }
        return model
    }

    // MARK: Rows

    func row(_ model: String, _ id: Int) -> RecordValues? {
        state.tables[model]?.rows[id]
    }

    func exists(_ model: String, _ id: Int) -> Bool {
        state.tables[model]?.rows[id] != nil
    }

    /// Returns every id of `model` in ascending order.
    func allIDs(_ model: String) -> [Int] {
        (state.tables[model]?.rows.keys).map { $0.sorted() } ?? []
    }

    /// Stores a new row with the next id of the model's sequence and returns the id.
    func insert(_ model: String, _ values: RecordValues) -> Int {
        // Changed through the subscript, in place: a copy of the table would copy all its rows.
        let id = state.tables[model, default: ModelTable()].nextID
        state.tables[model, default: ModelTable()].nextID += 1
        var stored = values
        stored["id"] = .int(id)
        state.tables[model, default: ModelTable()].rows[id] = stored
        state.index(model, id, stored, indexedFields: registry.indexedFields[model] ?? [])
        touched.insert(RecordReference(model, id))
        movedSequences.insert(model)
        return id
    }

    /// Stores a row under a chosen id, as seed data does, and moves the sequence past it.
    func insert(_ model: String, id: Int, _ values: RecordValues) {
        precondition(row(model, id) == nil, "seed record \(model)(\(id)) is inserted twice")
        var stored = values
        stored["id"] = .int(id)
        state.tables[model, default: ModelTable()].rows[id] = stored
        state.tables[model, default: ModelTable()].nextID = max(state.tables[model, default: ModelTable()].nextID, id + 1)
        state.index(model, id, stored, indexedFields: registry.indexedFields[model] ?? [])
        touched.insert(RecordReference(model, id))
        movedSequences.insert(model)
    }

    /// Merges `changes` into an existing row.
    func update(_ model: String, _ id: Int, _ changes: RecordValues) {
        guard !changes.isEmpty, let old = state.tables[model]?.rows[id] else {
            precondition(changes.isEmpty, "update of missing record \(model)(\(id))")
            return
        }
        let indexed = registry.indexedFields[model] ?? []
        let new = old.merging(changes) { _, new in new }
        state.unindex(model, id, old, indexedFields: indexed)
        state.tables[model]!.rows[id] = new
        state.index(model, id, new, indexedFields: indexed)
        touched.insert(RecordReference(model, id))
    }

    func remove(_ model: String, _ id: Int) {
        guard let old = state.tables[model]?.rows[id] else {
            return
        }
        state.unindex(model, id, old, indexedFields: registry.indexedFields[model] ?? [])
        state.tables[model]?.rows[id] = nil
        touched.insert(RecordReference(model, id))
    }

    /// Returns the ids of `model` whose many2one `field` links to `target`, or nil when the field has no index.
    func linkedIDs(_ model: String, field: String, to target: Int) -> Set<Int>? {
        state.linked(model, field: field, to: target, indexedFields: registry.indexedFields[model] ?? [])
    }

    /// Moves the sequence of `model` so that the next record gets at least `id`.
    func advanceSequence(_ model: String, to id: Int) {
        guard id > state.tables[model, default: ModelTable()].nextID else {
            return
        }
        state.tables[model, default: ModelTable()].nextID = id
        movedSequences.insert(model)
    }

    /// The state to return to when part of a call fails but the call goes on, as `load()` does with errors.
    struct Savepoint {
        fileprivate let state: DatabaseState
        fileprivate let touched: Set<RecordReference>
        fileprivate let movedSequences: Set<String>
    }

    func savepoint() -> Savepoint {
        Savepoint(state: state, touched: touched, movedSequences: movedSequences)
    }

    /// Undoes everything done since `savepoint`.
    func rollback(to savepoint: Savepoint) {
        state = savepoint.state
        touched = savepoint.touched
        movedSequences = savepoint.movedSequences
    }

    /// Collects the rows this transaction changed, for the store.
    func changes() -> ChangeSet {
        var changeSet = ChangeSet()
        for reference in touched {
            if let row = row(reference.model, reference.id) {
                changeSet.upserts[reference] = row
            } else {
                changeSet.deletions.insert(reference)
            }
        }
        for model in movedSequences {
            changeSet.nextIDs[model] = state.tables[model]?.nextID ?? 1
        }
        return changeSet
    }

    // MARK: Time

    /// The current UTC time in Odoo's datetime format (`2026-12-04 19:32:10`).
    var nowText: String {
        OdooDateFormat.datetime(clock.now())
    }

    /// Today's UTC date in Odoo's date format (`2026-12-04`).
    var todayText: String {
        OdooDateFormat.date(clock.now())
    }

    // MARK: Context

    /// Whether searches skip archived records: true unless the context sets `active_test` to false.
    var activeTest: Bool {
        context["active_test"]?.isTruthy ?? true
    }
}
