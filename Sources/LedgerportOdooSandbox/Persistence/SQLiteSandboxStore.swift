import Foundation
import LedgerportSDK
import LedgerportSQLite

/// Keeps sandbox databases in one SQLite file: one row per record, its columns as JSON.
///
/// Threading: every call blocks on the disk; the sandbox calls it only from
/// its worker thread (``SandboxWorker``), never from a Swift concurrency task.
/// Each `save` is one transaction, so a call's changes are stored completely
/// or not at all, before its response is sent.
package final class SQLiteSandboxStore: SandboxStore {
    /// The file name of the store inside the data folder.
    package static let fileName = "odoo-sandbox.sqlite"

    private let connection: SQLiteConnection

    /// Opens or creates `odoo-sandbox.sqlite` in `folder` and brings its schema up to date.
    package init(folder: String, clock: any WallClock) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        connection = try SQLiteConnection(path: path)
        try connection.configure(as: .standalone, configuration: SQLiteConfiguration(path: path))
        try SQLiteMigrator.migrate(connection, migrations: Self.migrations, appliedAt: clock.now())
    }

    deinit {
        connection.close()
    }

    static let migrations = [
        SQLiteMigration(
            number: 1, name: "create sandbox tables",
            sql: """
                CREATE TABLE sandbox_databases (
                    name TEXT PRIMARY KEY,
                    odoo_version TEXT NOT NULL
                ) STRICT;
                CREATE TABLE sandbox_records (
                    database TEXT NOT NULL REFERENCES sandbox_databases (name) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    id INTEGER NOT NULL,
                    columns TEXT NOT NULL,
                    PRIMARY KEY (database, model, id)
                ) STRICT;
                CREATE TABLE sandbox_sequences (
                    database TEXT NOT NULL REFERENCES sandbox_databases (name) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    next_id INTEGER NOT NULL,
                    PRIMARY KEY (database, model)
                ) STRICT;
                """
        )
    ]

    /// Reads every stored database with all its records; throws ``SandboxStoreError`` for unreadable data.
    package func loadDatabases() throws -> [StoredDatabase] {
        let headers = try connection.query("SELECT name, odoo_version FROM sandbox_databases ORDER BY name") {
            (try $0.text(0), try $0.text(1))
        }
        return try headers.map { name, versionText in
            guard let version = OdooVersion(parsing: versionText) else {
                throw SandboxStoreError.unknownVersion(database: name, version: versionText)
            }
            return StoredDatabase(name: name, version: version, state: try loadState(name))
        }
    }

    private func loadState(_ database: String) throws -> DatabaseState {
        var state = DatabaseState()
        let rows = try connection.query("SELECT model, id, columns FROM sandbox_records WHERE database = ?", [.text(database)]) {
            (try $0.text(0), try $0.int(1), try $0.text(2))
        }
        for (model, id, columns) in rows {
            guard case .object(let values) = try JSONParser.parse(columns) else {
                throw SandboxStoreError.corruptRecord(database: database, model: model, id: id)
            }
            state.tables[model, default: ModelTable()].rows[id] = values
        }
        let sequences = try connection.query("SELECT model, next_id FROM sandbox_sequences WHERE database = ?", [.text(database)]) {
            (try $0.text(0), try $0.int(1))
        }
        for (model, nextID) in sequences {
            state.tables[model, default: ModelTable()].nextID = nextID
        }
        return state
    }

    /// Stores a new database and all its records in one transaction.
    package func create(_ database: StoredDatabase) throws {
        var changes = ChangeSet()
        for (model, table) in database.state.tables {
            for (id, values) in table.rows {
                changes.upserts[RecordReference(model, id)] = values
            }
            changes.nextIDs[model] = table.nextID
        }
        try connection.inTransaction {
            _ = try connection.execute(
                "INSERT INTO sandbox_databases (name, odoo_version) VALUES (?, ?)", [.text(database.name), .text(database.version.rawValue)]
            )
            try write(changes, database: database.name)
        }
    }

    /// Stores the changes of one call in one transaction.
    package func save(database: String, changes: ChangeSet) throws {
        try connection.inTransaction {
            try write(changes, database: database)
        }
    }

    /// Deletes a database with its records and sequences.
    package func drop(database: String) throws {
        try connection.inTransaction {
            _ = try connection.execute("DELETE FROM sandbox_records WHERE database = ?", [.text(database)])
            _ = try connection.execute("DELETE FROM sandbox_sequences WHERE database = ?", [.text(database)])
            _ = try connection.execute("DELETE FROM sandbox_databases WHERE name = ?", [.text(database)])
        }
    }

    private func write(_ changes: ChangeSet, database: String) throws {
        let upsert = """
            INSERT INTO sandbox_records (database, model, id, columns) VALUES (?, ?, ?, ?)
            ON CONFLICT (database, model, id) DO UPDATE SET columns = excluded.columns
            """
        for (reference, values) in changes.upserts {
            let columns = JSONWriter.string(.object(values))
            _ = try connection.execute(upsert, [.text(database), .text(reference.model), .integer(reference.id), .text(columns)])
        }
        for reference in changes.deletions {
            _ = try connection.execute(
                "DELETE FROM sandbox_records WHERE database = ? AND model = ? AND id = ?",
                [.text(database), .text(reference.model), .integer(reference.id)]
            )
        }
        let sequence = """
            INSERT INTO sandbox_sequences (database, model, next_id) VALUES (?, ?, ?)
            ON CONFLICT (database, model) DO UPDATE SET next_id = excluded.next_id
            """
        for (model, nextID) in changes.nextIDs {
            _ = try connection.execute(sequence, [.text(database), .text(model), .integer(nextID)])
        }
    }
}

/// The reasons stored sandbox data cannot be read.
package enum SandboxStoreError: Error, CustomStringConvertible {
    case unknownVersion(database: String, version: String)
    case corruptRecord(database: String, model: String, id: Int)

    /// The error message with a hint.
    package var description: String {
        switch self {
        case .unknownVersion(let database, let version):
            "load sandbox database \"\(database)\": unknown Odoo version \"\(version)\"; the data folder was written by another sandbox"
        case .corruptRecord(let database, let model, let id):
            "load sandbox database \"\(database)\": record \(model)(\(id)) is not a JSON object; restore the data folder or start with a new one"
        }
    }
}
