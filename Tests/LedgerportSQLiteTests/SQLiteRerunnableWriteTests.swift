import Foundation
import Synchronization
import Testing

@testable import LedgerportSQLite

/// Rerunnable writes share one savepoint per batch; a failure in the batch undoes only the failed write.
@Suite struct SQLiteRerunnableWriteTests {
    private struct Abort: Error {}

    /// How often each write's body ran, by the value it inserts.
    private final class RunCounts: Sendable {
        private let counts = Mutex<[Int64: Int]>([:])

        func record(_ value: Int64) {
            counts.withLock { $0[value, default: 0] += 1 }
        }

        func runs(of value: Int64) -> Int {
            counts.withLock { $0[value] ?? 0 }
        }
    }

    private func withPool(_ body: (SQLiteDatabasePool) async throws -> Void) async throws {
        try await withTemporaryPool(schema: "CREATE TABLE sample (id INTEGER PRIMARY KEY, a INTEGER UNIQUE, note TEXT)", body)
    }

    /// Queues `write` on the paused writer and waits until it is queued, so writes run in the order they were queued.
    private func queue<Value: Sendable>(
        _ pool: SQLiteDatabasePool, _ write: @escaping @Sendable () async throws -> Value
    ) async throws -> Task<Value, any Error> {
        let queuedBefore = pool.queuedWriteCount
        let task = Task { try await write() }
        while pool.queuedWriteCount == queuedBefore {
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        return task
    }

    /// Inserts a row for `value` and then marks it written, in a rerunnable write that throws between the two when `fails`.
    private func insert(_ value: Int64, into pool: SQLiteDatabasePool, runs: RunCounts, fails: Bool = false) async throws -> Int64 {
        try await pool.write(rerunnable: true) { connection in
            runs.record(value)
            _ = try connection.execute("INSERT INTO sample (a) VALUES (?)", [.integer(value)])
            let id = connection.lastInsertRowID
            if fails {
                throw Abort()
            }
            _ = try connection.execute("UPDATE sample SET note = 'written' WHERE id = ?", [.integer(id)])
            return id
        }
    }

    private func storedRows(_ pool: SQLiteDatabasePool) async throws -> [Int64: Int64] {
        let rows = try await pool.read { try $0.query("SELECT a, id FROM sample WHERE note = 'written'") { (try $0.int64(0), try $0.int64(1)) } }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    @Test func batch_commitsEveryWriteOnce() async throws {
        try await withPool { pool in
            let runs = RunCounts()
            pool.pauseWrites()
            var tasks: [Task<Int64, any Error>] = []
            for value in Int64(1)...10 {
                tasks.append(try await queue(pool) { try await insert(value, into: pool, runs: runs) })
            }
            pool.resumeWrites()

            var returned: [Int64: Int64] = [:]
            for (offset, task) in tasks.enumerated() {
                returned[Int64(offset + 1)] = try await task.value
            }
            #expect(try await storedRows(pool) == returned)
            #expect((1...10).allSatisfy { runs.runs(of: Int64($0)) == 1 })
            #expect(pool.writerStatistics.largestGroup == 10)
        }
    }

    @Test func failureInBatch_undoesOnlyTheFailedWrite() async throws {
        try await withPool { pool in
            let runs = RunCounts()
            pool.pauseWrites()
            let first = try await queue(pool) { try await insert(1, into: pool, runs: runs) }
            let second = try await queue(pool) { try await insert(2, into: pool, runs: runs) }
            let failing = try await queue(pool) { try await insert(3, into: pool, runs: runs, fails: true) }
            let last = try await queue(pool) { try await insert(4, into: pool, runs: runs) }
            pool.resumeWrites()

            let ids = [1: try await first.value, 2: try await second.value, 4: try await last.value]
            await #expect(throws: Abort.self) { try await failing.value }

            let rows = try await storedRows(pool)
            #expect(rows == [1: ids[1]!, 2: ids[2]!, 4: ids[4]!])
            let failedRow = try await pool.read { try $0.scalarInt64("SELECT count(*) FROM sample WHERE a = 3") }
            #expect(failedRow == 0)
            // The writes before the failure ran again after the batch was undone; the others ran once.
            #expect(runs.runs(of: 1) == 2)
            #expect(runs.runs(of: 2) == 2)
            #expect(runs.runs(of: 3) == 1)
            #expect(runs.runs(of: 4) == 1)
            #expect(pool.writerStatistics.largestGroup == 4)
        }
    }

    @Test func constraintFailureInBatch_undoesItsEarlierStatements() async throws {
        try await withPool { pool in
            let runs = RunCounts()
            pool.pauseWrites()
            let first = try await queue(pool) { try await insert(1, into: pool, runs: runs) }
            // Inserts 5, then violates the unique column with 1: the statement fails, and the row 5 must go too.
            let failing = try await queue(pool) {
                try await pool.write(rerunnable: true) { connection in
                    _ = try connection.execute("INSERT INTO sample (a, note) VALUES (5, 'written')")
                    _ = try connection.execute("INSERT INTO sample (a, note) VALUES (1, 'written')")
                }
            }
            let last = try await queue(pool) { try await insert(6, into: pool, runs: runs) }
            pool.resumeWrites()

            let firstID = try await first.value
            let lastID = try await last.value
            await #expect(throws: SQLiteError.self) { try await failing.value }
            #expect(try await storedRows(pool) == [1: firstID, 6: lastID])
        }
    }

    @Test func mixedGroup_keepsEachKindsRollbackRules() async throws {
        try await withPool { pool in
            let runs = RunCounts()
            pool.pauseWrites()
            let first = try await queue(pool) { try await insert(1, into: pool, runs: runs) }
            let plainFailing = try await queue(pool) {
                try await pool.write { connection in
                    _ = try connection.execute("INSERT INTO sample (a, note) VALUES (7, 'written')")
                    throw Abort()
                }
            }
            let plain = try await queue(pool) {
                try await pool.write { try $0.execute("INSERT INTO sample (a, note) VALUES (8, 'written')") }
            }
            let last = try await queue(pool) { try await insert(9, into: pool, runs: runs) }
            pool.resumeWrites()

            let firstID = try await first.value
            await #expect(throws: Abort.self) { try await plainFailing.value }
            _ = try await plain.value
            let lastID = try await last.value

            let rows = try await storedRows(pool)
            #expect(rows[1] == firstID)
            #expect(rows[7] == nil)
            #expect(rows[8] != nil)
            #expect(rows[9] == lastID)
            // A failing write with its own savepoint undoes only itself, so no rerunnable write runs again.
            #expect(runs.runs(of: 1) == 1)
            #expect(runs.runs(of: 9) == 1)
        }
    }
}
