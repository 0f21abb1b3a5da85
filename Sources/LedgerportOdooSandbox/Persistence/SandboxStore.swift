/// The storage the sandbox keeps its databases in between runs.
///
/// The sandbox calls a store from one thread at a time: `create` once for a
/// new database, then `save` after every call that changed something, before
/// the call's response is sent. Implementations may block; the caller never
/// runs them on the Swift concurrency pool.
package protocol SandboxStore: AnyObject {
    /// The stored databases: name, the Odoo version they were created for, and their records.
    func loadDatabases() throws -> [StoredDatabase]
    /// Stores a new database with all its records.
    func create(_ database: StoredDatabase) throws
    /// Persists the records one call changed, atomically.
    func save(database: String, changes: ChangeSet) throws
    /// Deletes a database and all its records.
    func drop(database: String) throws
}

/// One database as a store keeps it.
package struct StoredDatabase: Sendable, Equatable {
    /// The database name clients pass (`db` in JSON-RPC, `X-Odoo-Database` in JSON-2).
    package let name: String
    /// The Odoo version the database was created for; it cannot be opened as another.
    package let version: OdooVersion
    /// Every record of the database.
    package var state: DatabaseState

    /// Creates a database named `name`, for `version`, containing `state`.
    package init(name: String, version: OdooVersion, state: DatabaseState) {
        self.name = name
        self.version = version
        self.state = state
    }
}

/// A store that keeps databases in memory only, for tests and throwaway sandboxes.
package final class InMemorySandboxStore: SandboxStore {
    private var databases: [String: StoredDatabase] = [:]

    /// An empty store.
    package init() {}

    /// Returns the databases stored so far, by name.
    package func loadDatabases() throws -> [StoredDatabase] {
        databases.values.sorted { $0.name < $1.name }
    }

    /// Keeps a new database.
    package func create(_ database: StoredDatabase) throws {
        databases[database.name] = database
    }

    /// Applies one call's changes; changes to an unknown database are ignored.
    package func save(database name: String, changes: ChangeSet) throws {
        // Applied through the subscript, in place: a copy of the database would copy every row on each call.
        databases[name]?.state.apply(changes)
    }

    /// Forgets a database.
    package func drop(database name: String) throws {
        databases[name] = nil
    }
}

extension DatabaseState {
    /// Applies a change set to the rows and sequences; indexes must be rebuilt afterwards.
    package mutating func apply(_ changes: ChangeSet) {
        for (reference, values) in changes.upserts {
            tables[reference.model, default: ModelTable()].rows[reference.id] = values
        }
        for reference in changes.deletions {
            tables[reference.model]?.rows[reference.id] = nil
        }
        for (model, nextID) in changes.nextIDs {
            tables[model, default: ModelTable()].nextID = nextID
        }
    }
}
