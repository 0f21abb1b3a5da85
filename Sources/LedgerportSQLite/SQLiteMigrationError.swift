/// Why a database could not be brought to the schema the code expects.
package enum SQLiteMigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database recorded migration `recorded` with another checksum or name than the code's `expected`.
    case changedMigration(path: String, recorded: SQLiteAppliedMigration, expected: SQLiteMigration)
    /// The database recorded a migration that the code does not have: a newer version migrated it.
    case unknownMigration(path: String, recorded: SQLiteAppliedMigration)
    /// Applying `migration` failed; nothing of it was stored.
    case failed(path: String, migration: SQLiteMigration, cause: SQLiteError)
    /// Applying `migration` without foreign key enforcement left `count` rows whose foreign keys point nowhere,
    /// the first in `table`. Nothing of the migration was stored.
    case foreignKeyViolations(path: String, migration: SQLiteMigration, table: String, count: Int)

    package var description: String {
        switch self {
        case .changedMigration(let path, let recorded, let expected):
            "migrate \"\(path)\": migration \(expected.label) was changed after it was applied "
                + "(recorded name \"\(recorded.name)\", checksum \(recorded.checksum); the code has checksum \(expected.checksum)); "
                + "migrations are append-only, so restore the original SQL and add the change as a new migration"
        case .unknownMigration(let path, let recorded):
            "migrate \"\(path)\": the database has migration \(SQLiteMigration.label(recorded.number, recorded.name)) "
                + "that this version does not know; it was migrated by a newer version, so run that version or restore a backup"
        case .failed(let path, let migration, let cause):
            "migrate \"\(path)\": migration \(migration.label) failed and was rolled back: \(cause)"
        case .foreignKeyViolations(let path, let migration, let table, let count):
            "migrate \"\(path)\": migration \(migration.label) was rolled back because it left \(count) rows "
                + "whose foreign keys point to no row, the first in table \"\(table)\" (PRAGMA foreign_key_check lists them); "
                + "fix the migration so that it keeps every referenced row"
        }
    }
}

extension SQLiteMigration {
    /// The label of a migration known only by number and name.
    static func label(_ number: Int, _ name: String) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + " " + name
    }
}
