import Foundation
import Testing

@testable import LedgerportSQLite

/// The resumer thread that hands the writer's results to their callers after each commit.
@Suite struct SQLiteJobResumerTests {
    /// The completions seen so far, recorded from the resumer thread.
    private final class Completions: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(value: Int, thread: String, rowsVisible: Int64)] = []

        func add(_ value: Int, thread: String, rowsVisible: Int64) {
            lock.withLock { entries.append((value, thread, rowsVisible)) }
        }

        var all: [(value: Int, thread: String, rowsVisible: Int64)] {
            lock.withLock { entries }
        }
    }

    @Test func completions_runInOrderAfterTheCommit() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: folder.path("test.sqlite")))
        try await pool.writeWithoutTransaction { try $0.executeScript("CREATE TABLE sample (a INTEGER)") }
        let completions = Completions()
        let reader = try SQLiteConnection(path: folder.path("test.sqlite"), readOnly: true)

        for value in 1...50 {
            pool.write({ connection in
                try connection.execute("INSERT INTO sample (a) VALUES (?)", [.integer(Int64(value))])
                return value
            }) { result in
                // A second connection sees the row only once its transaction has committed.
                let visible = (try? reader.scalarInt64("SELECT count(*) FROM sample WHERE a = ?", [.integer(Int64(value))])) ?? -1
                completions.add((try? result.get()) ?? -1, thread: Thread.current.name ?? "", rowsVisible: visible)
            }
        }
        _ = try await pool.write { _ in 0 }
        await pool.close()
        reader.close()

        let seen = completions.all
        #expect(seen.map(\.value) == Array(1...50))
        #expect(seen.allSatisfy { $0.thread == "sqlite-resume" })
        #expect(seen.allSatisfy { $0.rowsVisible == 1 })
    }
}
