import Foundation
import Testing

@testable import LedgerportSQLite

@Suite struct SQLiteMigratorTests {
    private let migrations = [
        SQLiteMigration(number: 1, name: "create_notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
        SQLiteMigration(number: 2, name: "add_note_author", sql: "ALTER TABLE notes ADD COLUMN author TEXT"),
    ]
    private let appliedAt = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func migrate_appliesOnceAndRecords() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try SQLiteConnection(path: folder.path("test.sqlite"))
        defer { connection.close() }

        let first = try SQLiteMigrator.migrate(connection, migrations: migrations, appliedAt: appliedAt)
        let second = try SQLiteMigrator.migrate(connection, migrations: migrations, appliedAt: appliedAt)
        let recorded = try SQLiteMigrator.appliedMigrations(connection)

        #expect(first.map(\.number) == [1, 2])
        #expect(second.isEmpty)
        #expect(recorded.map(\.number) == [1, 2])
        #expect(recorded.map(\.name) == ["create_notes", "add_note_author"])
        #expect(recorded.map(\.checksum) == migrations.map(\.checksum))
        #expect(recorded[0].appliedAtMilliseconds == 1_700_000_000_000)
    }

    @Test func changedMigration_isRejectedWithItsLabel() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try SQLiteConnection(path: folder.path("test.sqlite"))
        defer { connection.close() }
        try SQLiteMigrator.migrate(connection, migrations: migrations, appliedAt: appliedAt)
        var changed = migrations
        changed[0] = SQLiteMigration(number: 1, name: "create_notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY)")

        let error = #expect(throws: SQLiteMigrationError.self) {
            try SQLiteMigrator.migrate(connection, migrations: changed, appliedAt: appliedAt)
        }

        #expect(error?.description.contains("migration 0001 create_notes was changed after it was applied") == true)
    }

    @Test func migrationUnknownToCode_isRejected() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try SQLiteConnection(path: folder.path("test.sqlite"))
        defer { connection.close() }
        try SQLiteMigrator.migrate(connection, migrations: migrations, appliedAt: appliedAt)

        let error = #expect(throws: SQLiteMigrationError.self) {
            try SQLiteMigrator.migrate(connection, migrations: Array(migrations.prefix(1)), appliedAt: appliedAt)
        }

        #expect(error?.description.contains("migration 0002 add_note_author that this version does not know") == true)
    }

    @Test func failingMigration_leavesNothingRecorded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try SQLiteConnection(path: folder.path("test.sqlite"))
        defer { connection.close() }
        let broken = [
            migrations[0],
            SQLiteMigration(number: 2, name: "broken", sql: "CREATE TABLE extra (a INTEGER); ALTER TABLE missing ADD COLUMN b TEXT"),
        ]

        #expect(throws: SQLiteMigrationError.self) {
            try SQLiteMigrator.migrate(connection, migrations: broken, appliedAt: appliedAt)
        }

        #expect(try SQLiteMigrator.appliedMigrations(connection).map(\.number) == [1])
        #expect(try connection.scalarInt64("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'") == 0)
    }

    private let parentsAndChildren = [
        SQLiteMigration(
            number: 1, name: "create_parents_and_children",
            sql: """
                CREATE TABLE parents (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a', 'b', 'c')));
                CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents (id));
                INSERT INTO parents (id, kind) VALUES (1, 'a'), (2, 'b');
                INSERT INTO children (parent_id) VALUES (1), (2), (2);
                """)
    ]

    /// Builds the migration that rebuilds `parents` as SQLite documents it: new table, copy, drop, rename.
    private func rebuildParents(keeping keptRows: String) -> SQLiteMigration {
        SQLiteMigration(
            number: 2, name: "rebuild_parents",
            sql: """
                CREATE TABLE parents_rebuilt (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind = 'a' OR kind = 'b' OR kind = 'c'));
                INSERT INTO parents_rebuilt (id, kind) SELECT id, kind FROM parents WHERE \(keptRows);
                DROP TABLE parents;
                ALTER TABLE parents_rebuilt RENAME TO parents;
                """,
            suspendsForeignKeys: true)
    }

    private func openWithForeignKeys(_ folder: TemporaryFolder) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: folder.path("test.sqlite"))
        try connection.executeScript("PRAGMA foreign_keys = ON")
        return connection
    }

    @Test func migrationSuspendingForeignKeys_rebuildsAReferencedTable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try openWithForeignKeys(folder)
        defer { connection.close() }
        try SQLiteMigrator.migrate(connection, migrations: parentsAndChildren, appliedAt: appliedAt)

        let applied = try SQLiteMigrator.migrate(connection, migrations: parentsAndChildren + [rebuildParents(keeping: "1")], appliedAt: appliedAt)

        #expect(applied.map(\.number) == [2])
        #expect(try connection.scalarInt64("SELECT count(*) FROM children JOIN parents ON parents.id = children.parent_id") == 3)
        #expect(try connection.scalarInt64("PRAGMA foreign_keys") == 1)
        #expect(throws: SQLiteError.self, "children still refer to the rebuilt table, with enforcement back on") {
            _ = try connection.execute("INSERT INTO children (parent_id) VALUES (99)")
        }
        #expect(throws: SQLiteError.self, "the rebuilt table keeps its check") {
            _ = try connection.execute("INSERT INTO parents (id, kind) VALUES (3, 'z')")
        }
    }

    @Test func migrationSuspendingForeignKeys_isRolledBackWhenItLeavesDanglingReferences() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try openWithForeignKeys(folder)
        defer { connection.close() }
        try SQLiteMigrator.migrate(connection, migrations: parentsAndChildren, appliedAt: appliedAt)

        let error = #expect(throws: SQLiteMigrationError.self) {
            try SQLiteMigrator.migrate(connection, migrations: parentsAndChildren + [rebuildParents(keeping: "id = 1")], appliedAt: appliedAt)
        }

        #expect(error?.description.contains("migration 0002 rebuild_parents was rolled back because it left 2 rows") == true)
        #expect(error?.description.contains("in table \"children\"") == true)
        #expect(try SQLiteMigrator.appliedMigrations(connection).map(\.number) == [1])
        #expect(try connection.scalarInt64("SELECT count(*) FROM parents") == 2)
        #expect(try connection.scalarInt64("PRAGMA foreign_keys") == 1)
    }
}
