import Foundation

/// Applies numbered, append-only ``SQLiteMigration``s and records them in `schema_migrations`.
///
/// The table has one row per applied migration: `number`, `name`,
/// `checksum` (SHA-256 of the SQL) and `applied_at_ms`. Before applying
/// anything, the migrator compares every recorded row with the code's
/// migration of the same number, so a changed migration or a database
/// from a newer version is reported instead of silently diverging.
///
/// Threading: the calls block; run them on the writer, for example inside
/// ``SQLiteDatabasePool/writeWithoutTransaction(_:)``.
package enum SQLiteMigrator {
    private static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            number INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at_ms INTEGER NOT NULL
        ) STRICT
        """

    /// Checks the recorded migrations, then applies the missing ones in order, each in its own transaction.
    ///
    /// - Parameters:
    ///   - migrations: the code's migrations, numbered 1, 2, 3 … with no gap; anything else traps.
    ///   - appliedAt: the time recorded for migrations applied now.
    /// - Returns: the migrations applied by this call, in order; empty when the database was current.
    /// - Throws: ``SQLiteMigrationError`` for a changed or unknown migration, or a failed one;
    ///   ``SQLiteError`` when `schema_migrations` cannot be read.
    @discardableResult
    package static func migrate(_ connection: SQLiteConnection, migrations: [SQLiteMigration], appliedAt: Date) throws -> [SQLiteMigration] {
        for (offset, migration) in migrations.enumerated() {
            precondition(migration.number == offset + 1, "migration \(migration.label) is out of sequence: expected number \(offset + 1)")
        }
        try connection.executeScript(createTable)
        try checkRecorded(try appliedMigrations(connection), against: migrations, path: connection.path)

        var applied: [SQLiteMigration] = []
        for migration in migrations {
            if try apply(migration, on: connection, appliedAt: appliedAt) {
                applied.append(migration)
            }
        }
        return applied
    }

    /// The migrations recorded in the database, in order; empty when `schema_migrations` does not exist yet.
    package static func appliedMigrations(_ connection: SQLiteConnection) throws -> [SQLiteAppliedMigration] {
        let tableExists = try connection.scalarInt64(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'") ?? 0
        guard tableExists > 0 else {
            return []
        }
        return try connection.query("SELECT number, name, checksum, applied_at_ms FROM schema_migrations ORDER BY number") { row in
            SQLiteAppliedMigration(
                number: try row.int(0), name: try row.text(1), checksum: try row.text(2), appliedAtMilliseconds: try row.int64(3))
        }
    }

    private static func checkRecorded(_ recorded: [SQLiteAppliedMigration], against migrations: [SQLiteMigration], path: String) throws {
        for record in recorded {
            guard record.number >= 1, record.number <= migrations.count else {
                throw SQLiteMigrationError.unknownMigration(path: path, recorded: record)
            }
            let expected = migrations[record.number - 1]
            guard record.checksum == expected.checksum, record.name == expected.name else {
                throw SQLiteMigrationError.changedMigration(path: path, recorded: record, expected: expected)
            }
        }
    }

    /// Applies `migration` unless it is recorded already (another process may have applied it meanwhile).
    private static func apply(_ migration: SQLiteMigration, on connection: SQLiteConnection, appliedAt: Date) throws -> Bool {
        guard migration.suspendsForeignKeys else {
            return try applyInTransaction(migration, on: connection, appliedAt: appliedAt)
        }
        // `PRAGMA foreign_keys` does nothing inside a transaction, so it changes around it.
        let enforced = try connection.scalarInt64("PRAGMA foreign_keys") == 1
        try connection.executeScript("PRAGMA foreign_keys = OFF")
        defer {
            if enforced {
                try? connection.executeScript("PRAGMA foreign_keys = ON")
            }
        }
        return try applyInTransaction(migration, on: connection, appliedAt: appliedAt)
    }

    private static func applyInTransaction(_ migration: SQLiteMigration, on connection: SQLiteConnection, appliedAt: Date) throws -> Bool {
        do {
            return try connection.inTransaction(.immediate) {
                let alreadyApplied = try connection.scalarInt64(
                    "SELECT count(*) FROM schema_migrations WHERE number = ?", [.integer(Int64(migration.number))]) ?? 0
                guard alreadyApplied == 0 else {
                    return false
                }
                try connection.executeScript(migration.sql)
                if migration.suspendsForeignKeys {
                    try checkForeignKeys(after: migration, on: connection)
                }
                try connection.execute(
                    "INSERT INTO schema_migrations (number, name, checksum, applied_at_ms) VALUES (?, ?, ?, ?)",
                    [.integer(Int64(migration.number)), .text(migration.name), .text(migration.checksum),
                     .integer(Int64((appliedAt.timeIntervalSince1970 * 1000).rounded(.down)))])
                return true
            }
        } catch let error as SQLiteError {
            throw SQLiteMigrationError.failed(path: connection.path, migration: migration, cause: error)
        }
    }

    /// Throws when a row's foreign key points to no row, which enforcement would have refused.
    private static func checkForeignKeys(after migration: SQLiteMigration, on connection: SQLiteConnection) throws {
        let tables = try connection.query("PRAGMA foreign_key_check") { try $0.text(0) }
        if let first = tables.first {
            throw SQLiteMigrationError.foreignKeyViolations(
                path: connection.path, migration: migration, table: first, count: tables.count)
        }
    }
}
