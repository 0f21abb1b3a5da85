import Foundation
import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// The SQLite store: what one call saves comes back on the next open, and a dropped database is gone.
@Suite struct SQLiteSandboxStoreTests {
    @Test func savedChanges_areLoadedBack() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path
        let loaded = try await onDedicatedThread { () -> [StoredDatabase] in
            let clock = ManualClock(SandboxHarness.recordingDay)
            let store = try SQLiteSandboxStore(folder: path, clock: clock)
            var state = DatabaseState()
            state.tables["res.partner"] = ModelTable(rows: [1: ["id": 1, "name": "First"], 2: ["id": 2, "name": "Second"]], nextID: 3)
            try store.create(StoredDatabase(name: "db", version: .v17, state: state))
            var changes = ChangeSet()
            changes.upserts[RecordReference("res.partner", 1)] = ["id": 1, "name": "Renamed"]
            changes.deletions.insert(RecordReference("res.partner", 2))
            changes.nextIDs["res.partner"] = 5
            try store.save(database: "db", changes: changes)
            return try SQLiteSandboxStore(folder: path, clock: clock).loadDatabases()
        }

        let table = loaded.first?.state.tables["res.partner"]
        #expect(loaded.map(\.name) == ["db"])
        #expect(loaded.first?.version == .v17)
        #expect(table?.rows[1]?["name"] == "Renamed")
        #expect(table?.rows[2] == nil)
        #expect(table?.nextID == 5)
    }

    @Test func droppedDatabase_isNotLoaded() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path
        let loaded = try await onDedicatedThread { () -> [StoredDatabase] in
            let store = try SQLiteSandboxStore(folder: path, clock: ManualClock(SandboxHarness.recordingDay))
            try store.create(StoredDatabase(name: "kept", version: .v19, state: DatabaseState()))
            try store.create(StoredDatabase(name: "dropped", version: .v19, state: DatabaseState()))
            try store.drop(database: "dropped")
            return try store.loadDatabases()
        }
        #expect(loaded.map(\.name) == ["kept"])
    }
}
