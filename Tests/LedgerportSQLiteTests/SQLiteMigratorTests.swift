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
}
