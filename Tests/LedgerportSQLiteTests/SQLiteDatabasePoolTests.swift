import Foundation
import Testing

@testable import LedgerportSQLite

@Suite struct SQLiteDatabasePoolTests {
    private struct Abort: Error {}

    private func withPool(_ body: (SQLiteDatabasePool) async throws -> Void) async throws {
        try await withTemporaryPool(schema: "CREATE TABLE sample (a INTEGER UNIQUE)", body)
    }

    /// Waits until `count` writes are queued on the paused writer; polls without asserting any timing.
    private func waitForQueuedWrites(_ pool: SQLiteDatabasePool, count: Int) async throws {
        while pool.queuedWriteCount < count {
            try await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    @Test func pragmas_matchDurableDefaults() async throws {
        try await withPool { pool in
            let writerSettings = try await pool.write { connection in
                [
                    try connection.queryFirst("PRAGMA journal_mode") { try $0.text(0) } ?? "",
                    String(try connection.scalarInt64("PRAGMA synchronous") ?? -1),
                    String(try connection.scalarInt64("PRAGMA foreign_keys") ?? -1),
                    String(try connection.scalarInt64("PRAGMA wal_autocheckpoint") ?? -1),
                    String(try connection.scalarInt64("PRAGMA busy_timeout") ?? -1),
                    String(try connection.scalarInt64("PRAGMA temp_store") ?? -1),
                ]
            }
            let readerQueryOnly = try await pool.read { try $0.scalarInt64("PRAGMA query_only") }
            let readerTempStore = try await pool.read { try $0.scalarInt64("PRAGMA temp_store") }

            // wal_autocheckpoint reads 0: the writer checkpoints between commits instead of inside them.
            #expect(writerSettings == ["wal", "2", "1", "0", "5000", "2"])
            #expect(readerQueryOnly == 1)
            #expect(readerTempStore == 2)
        }
    }

    @Test func closures_runOnDedicatedThreads() async throws {
        try await withPool { pool in
            let writerThread = try await pool.write { _ in Thread.current.name ?? "" }
            let readerThread = try await pool.read { _ in Thread.current.name ?? "" }

            #expect(writerThread == "sqlite-writer")
            #expect(readerThread.hasPrefix("sqlite-reader-"))
        }
    }

    @Test func readAfterWrite_seesCommittedRow() async throws {
        try await withPool { pool in
            _ = try await pool.write { try $0.execute("INSERT INTO sample VALUES (7)") }

            let values = try await pool.read { try $0.query("SELECT a FROM sample") { try $0.int64(0) } }

            #expect(values == [7])
        }
    }

    @Test func concurrentWrites_shareOneCommitAndAllResume() async throws {
        try await withPool { pool in
            let before = pool.writerStatistics
            pool.pauseWrites()

            try await withThrowingTaskGroup(of: Int64.self) { group in
                for value in 1...20 {
                    group.addTask {
                        try await pool.write { connection in
                            try connection.execute("INSERT INTO sample VALUES (?)", [.integer(Int64(value))])
                            return Int64(value)
                        }
                    }
                }
                try await waitForQueuedWrites(pool, count: 20)
                pool.resumeWrites()

                var returned: [Int64] = []
                for try await value in group {
                    returned.append(value)
                }
                #expect(returned.sorted() == Array(1...20))
            }

            let after = pool.writerStatistics
            #expect(after.committedTransactions - before.committedTransactions == 1)
            #expect(after.committedWrites - before.committedWrites == 20)
            #expect(try await pool.read { try $0.scalarInt64("SELECT count(*) FROM sample") } == 20)
        }
    }

    @Test func failingWriteInGroup_rollsBackOnlyItself() async throws {
        try await withPool { pool in
            pool.pauseWrites()

            // Each write is queued before the next starts, so the group runs them in this order.
            let first = Task { try await pool.write { try $0.execute("INSERT INTO sample VALUES (1)") } }
            try await waitForQueuedWrites(pool, count: 1)
            let failing = Task {
                try await pool.write { connection in
                    try connection.execute("INSERT INTO sample VALUES (2)")
                    throw Abort()
                }
            }
            try await waitForQueuedWrites(pool, count: 2)
            let duplicate = Task { try await pool.write { try $0.execute("INSERT INTO sample VALUES (1)") } }
            try await waitForQueuedWrites(pool, count: 3)
            let last = Task { try await pool.write { try $0.execute("INSERT INTO sample VALUES (3)") } }
            try await waitForQueuedWrites(pool, count: 4)
            pool.resumeWrites()

            _ = try await first.value
            await #expect(throws: Abort.self) { try await failing.value }
            await #expect(throws: SQLiteError.self) { try await duplicate.value }
            _ = try await last.value
            let values = try await pool.read { try $0.query("SELECT a FROM sample ORDER BY a") { try $0.int64(0) } }
            #expect(values == [1, 3])
            #expect(pool.writerStatistics.largestGroup == 4)
        }
    }

    @Test func closedPool_rejectsWritesAndReads() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: folder.path("test.sqlite")))
        await pool.close()

        let writeError = await #expect(throws: SQLiteError.self) { _ = try await pool.write { _ in 1 } }
        let readError = await #expect(throws: SQLiteError.self) { _ = try await pool.read { _ in 1 } }

        #expect(writeError?.message.hasSuffix("the database is closed") == true)
        #expect(readError?.message.hasSuffix("the database is closed") == true)
    }

    @Test func close_closesEveryConnection() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: path))
        _ = try await pool.write { try $0.executeScript("CREATE TABLE sample (a INTEGER)") }
        _ = try await pool.read { try $0.scalarInt64("SELECT count(*) FROM sample") }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))

        await pool.close()

        // SQLite checkpoints and deletes the WAL file when the last connection to the database closes.
        #expect(FileManager.default.fileExists(atPath: path + "-wal") == false)
    }

    @Test func missingFolder_failsToOpenWithPath() async throws {
        let path = "/nonexistent-ledgerport-folder/test.sqlite"

        let error = await #expect(throws: SQLiteError.self) {
            _ = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: path))
        }

        #expect(error?.message.contains(path) == true)
    }
}
