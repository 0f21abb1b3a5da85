import LedgerportCrypto

/// One numbered step of a database schema: plain SQL, applied once and recorded.
///
/// Migrations are append-only. Once a migration has shipped, its SQL never
/// changes: a later schema change is a new migration with the next number.
/// The migrator records each applied migration's checksum and refuses to
/// open a database whose recorded checksum differs from the code's.
/// A migration is SQL text only and never calls application types, so it
/// keeps meaning the same thing while the application changes around it.
package struct SQLiteMigration: Sendable, Hashable {
    /// The position in the sequence, starting at 1 with no gaps.
    package let number: Int
    /// A short snake_case description, such as `create_core_tables`.
    package let name: String
    /// One or more SQL statements separated by semicolons.
    package let sql: String
    /// Whether the migration runs with foreign key enforcement off.
    ///
    /// SQLite's procedure for rebuilding a table that other tables refer to
    /// (create the new table, copy, drop the old one, rename) needs it. With
    /// enforcement on, dropping the old table deletes its rows first, which
    /// fails on every row that another table refers to. The migrator turns
    /// enforcement off before the migration's transaction, checks every
    /// foreign key before it commits, and turns enforcement back on.
    package let suspendsForeignKeys: Bool

    package init(number: Int, name: String, sql: String, suspendsForeignKeys: Bool = false) {
        precondition(number >= 1, "migration numbers start at 1")
        precondition(!name.isEmpty, "migration \(number) needs a name")
        self.number = number
        self.name = name
        self.sql = sql
        self.suspendsForeignKeys = suspendsForeignKeys
    }

    /// The SHA-256 of ``sql`` in lowercase hexadecimal, as recorded in `schema_migrations`.
    package var checksum: String {
        SHA256.hexDigest(sql)
    }

    /// The number and name as people read them, such as `0001 create_core_tables`.
    package var label: String {
        SQLiteMigration.label(number, name)
    }
}

/// A migration as recorded in the `schema_migrations` table.
package struct SQLiteAppliedMigration: Sendable, Hashable {
    package let number: Int
    package let name: String
    package let checksum: String
    /// When it was applied, in milliseconds since 1970-01-01 UTC.
    package let appliedAtMilliseconds: Int64
}
