import Foundation
import Testing

@testable import LedgerportSQLite

/// The checkpoints of a pool's checkpointer and writer, which replace SQLite's automatic ones, and a standalone connection's.
@Suite struct SQLiteCheckpointTests {
    private static let blob = SQLiteValue.blob([UInt8](repeating: 7, count: 3_000))

    /// Commits `count` writes one after another, each adding a row with a page-sized blob.
    private func writeRows(_ count: Int, to pool: SQLiteDatabasePool) async throws {
        for _ in 0..<count {
            _ = try await pool.write { try $0.execute("INSERT INTO sample (payload) VALUES (?)", [Self.blob]) }
        }
    }

    /// Commits `count` writes with up to `inFlight` of them queued at once, so commits follow each other without a pause.
    private func writeRowsConcurrently(_ count: Int, inFlight: Int, to pool: SQLiteDatabasePool) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                if index >= inFlight {
                    try await group.next()
                }
                group.addTask {
                    _ = try await pool.write { try $0.execute("INSERT INTO sample (payload) VALUES (?)", [Self.blob]) }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Returns the WAL's frame count, as `PRAGMA wal_checkpoint` reports it; the pragma also checkpoints.
    private func walFrames(of pool: SQLiteDatabasePool) async throws -> Int64 {
        try await pool.writeWithoutTransaction { connection in
            try connection.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { try $0.int64(1) } ?? -1
        }
    }

    private func openPool(in folder: TemporaryFolder, checkpointPages: Int, walLimitPages: Int = 10_000) async throws -> SQLiteDatabasePool {
        let configuration = SQLiteConfiguration(
            path: folder.path("test.sqlite"), walAutocheckpointPages: checkpointPages, walLimitPages: walLimitPages)
        let pool = try await SQLiteDatabasePool.open(configuration)
        try await pool.writeWithoutTransaction { try $0.executeScript("CREATE TABLE sample (id INTEGER PRIMARY KEY, payload BLOB)") }
        return pool
    }

    /// Waits until the checkpoint thread has finished a checkpoint, for at most about 10 s; polls without asserting any timing.
    private func waitForBackgroundCheckpoint(_ pool: SQLiteDatabasePool) async throws {
        for _ in 0..<1_000 where pool.writerStatistics.backgroundCheckpoints == 0 {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    @Test func checkpointThread_runsOnceTheWALReachesTheThreshold() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await openPool(in: folder, checkpointPages: 10)

        try await writeRows(60, to: pool)
        try await waitForBackgroundCheckpoint(pool)
        let statistics = pool.writerStatistics
        await pool.close()

        #expect(statistics.backgroundCheckpoints > 0)
        // About 120 frames stay far below the limit of 10,000, so the writer never copies any itself.
        #expect(statistics.writerCheckpoints == 0)
    }

    @Test func walLimit_keepsTheWALShort() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await openPool(in: folder, checkpointPages: 10, walLimitPages: 20)

        try await writeRows(60, to: pool)
        let statistics = pool.writerStatistics
        let frames = try await walFrames(of: pool)
        await pool.close()

        #expect(statistics.backgroundCheckpoints + statistics.writerCheckpoints > 0)
        // Each commit adds about two frames, so 60 commits without checkpoints would leave over 100.
        // The writer copies the rest of the WAL itself by twice the limit, so the WAL stays under 40 frames plus one commit.
        #expect(frames < 45)
        #expect(statistics.largestWALFrames < 45)
    }

    @Test func continuousCommits_keepTheWALUnderTwiceTheLimit() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await openPool(in: folder, checkpointPages: 10, walLimitPages: 40)

        // Eight writes in flight make commits of up to eight rows, about ten frames each.
        try await writeRowsConcurrently(600, inFlight: 8, to: pool)
        let statistics = pool.writerStatistics
        let rows = try await pool.read { try $0.queryFirst("SELECT count(*) FROM sample") { try $0.int64(0) } }
        await pool.close()

        #expect(rows == 600)
        #expect(statistics.backgroundCheckpoints + statistics.writerCheckpoints > 0)
        #expect(statistics.largestWALFrames < 2 * 40 + 12)
    }

    @Test func thresholdZero_neverCheckpoints() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await openPool(in: folder, checkpointPages: 0)

        try await writeRows(60, to: pool)
        let statistics = pool.writerStatistics
        let frames = try await walFrames(of: pool)
        await pool.close()

        #expect(frames >= 60)
        #expect(statistics.backgroundCheckpoints == 0)
        #expect(statistics.writerCheckpoints == 0)
    }

    @Test func standaloneConnection_checkpointsAutomatically() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        let connection = try SQLiteConnection(path: path)
        defer { connection.close() }
        try connection.configure(as: .standalone, configuration: SQLiteConfiguration(path: path, walAutocheckpointPages: 10))
        try connection.executeScript("CREATE TABLE sample (id INTEGER PRIMARY KEY, payload BLOB)")

        for _ in 0..<60 {
            _ = try connection.execute("INSERT INTO sample (payload) VALUES (?)", [Self.blob])
        }
        let frames = try connection.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { try $0.int64(1) } ?? -1

        // SQLite's automatic checkpoint restarts the WAL once it has 10 frames; without it, 60 commits leave over 100.
        #expect(frames < 20)
    }
}
