import Foundation
import Testing

@testable import LedgerportSQLite

/// The writer's checkpoints between commits, which replace SQLite's automatic ones.
@Suite struct SQLiteCheckpointTests {
    private static let blob = SQLiteValue.blob([UInt8](repeating: 7, count: 3_000))

    /// Commits `count` writes one after another, each adding a row with a page-sized blob.
    private func writeRows(_ count: Int, to pool: SQLiteDatabasePool) async throws {
        for _ in 0..<count {
            _ = try await pool.write { try $0.execute("INSERT INTO sample (payload) VALUES (?)", [Self.blob]) }
        }
    }

    /// Returns the WAL's frame count, as `PRAGMA wal_checkpoint` reports it; the pragma also checkpoints.
    private func walFrames(of pool: SQLiteDatabasePool) async throws -> Int64 {
        try await pool.writeWithoutTransaction { connection in
            try connection.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { try $0.int64(1) } ?? -1
        }
    }

    private func openPool(in folder: TemporaryFolder, checkpointPages: Int) async throws -> SQLiteDatabasePool {
        let configuration = SQLiteConfiguration(path: folder.path("test.sqlite"), walAutocheckpointPages: checkpointPages)
        let pool = try await SQLiteDatabasePool.open(configuration)
        try await pool.writeWithoutTransaction { try $0.executeScript("CREATE TABLE sample (id INTEGER PRIMARY KEY, payload BLOB)") }
        return pool
    }

    @Test func writer_checkpointsOnceTheWALReachesTheThreshold() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await openPool(in: folder, checkpointPages: 10)

        try await writeRows(60, to: pool)
        let frames = try await walFrames(of: pool)
        await pool.close()

        // Each commit adds about two frames, so 60 commits without checkpoints would leave over 100.
        #expect(frames < 20)
    }

    @Test func thresholdZero_neverCheckpoints() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await openPool(in: folder, checkpointPages: 0)

        try await writeRows(60, to: pool)
        let frames = try await walFrames(of: pool)
        await pool.close()

        #expect(frames >= 60)
    }
}
