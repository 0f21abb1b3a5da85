import LedgerportSDK

/// One database of the sandbox: its committed records and the store that keeps them.
///
/// ``run(uid:context:transport:_:)`` gives a call a ``Transaction`` on a copy
/// of the records and keeps the copy only when the call returns normally,
/// saving the changed rows to the store first. Not thread-safe: the sandbox
/// runs one call at a time.
package final class SandboxDatabase {
    /// The database name.
    package let name: String
    /// The models of the database's Odoo version.
    package let registry: ModelRegistry
    /// The committed records.
    package private(set) var state: DatabaseState
    private let store: any SandboxStore
    private let clock: any WallClock

    init(name: String, registry: ModelRegistry, state: DatabaseState, store: any SandboxStore, clock: any WallClock) {
        self.name = name
        self.registry = registry
        self.state = state
        self.store = store
        self.clock = clock
    }

    /// Runs `body` in one transaction: all its changes are kept and stored, or none when it throws.
    func run<Result>(
        uid: Int, context: JSONObject = [:], transport: Transport = .jsonRPC, _ body: (Transaction) throws -> Result
    ) throws -> Result {
        let transaction = Transaction(
            state: state, registry: registry, clock: clock, databaseName: name, uid: uid, context: context, transport: transport
        )
        let result = try body(transaction)
        let changes = transaction.changes()
        if !changes.isEmpty {
            do {
                try store.save(database: name, changes: changes)
            } catch {
                // The call's changes are dropped, like a transaction whose COMMIT fails.
                throw OdooFault(.operationalError, "could not save the changes of database \"\(name)\": \(error)")
            }
            state = transaction.state
        }
        return result
    }
}
