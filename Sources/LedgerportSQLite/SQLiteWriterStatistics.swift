import Foundation

/// Counts of the writer's commits, for metrics: how well group commit is batching.
package struct SQLiteWriterStatistics: Sendable, Equatable {
    /// Group transactions committed since the database opened.
    package var committedTransactions: Int = 0
    /// Writes (calls of ``SQLiteDatabasePool/write(_:)``) those transactions covered.
    package var committedWrites: Int = 0
    /// The maximum number of writes that one transaction covered.
    package var largestGroup: Int = 0

    package init(committedTransactions: Int = 0, committedWrites: Int = 0, largestGroup: Int = 0) {
        self.committedTransactions = committedTransactions
        self.committedWrites = committedWrites
        self.largestGroup = largestGroup
    }
}

/// The writer thread's running ``SQLiteWriterStatistics``, readable from any thread.
final class SQLiteWriterStatisticsRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var statistics = SQLiteWriterStatistics()

    /// Records one committed transaction that covered `writeCount` writes.
    func recordCommit(writeCount: Int) {
        lock.withLock {
            statistics.committedTransactions += 1
            statistics.committedWrites += writeCount
            statistics.largestGroup = max(statistics.largestGroup, writeCount)
        }
    }

    /// A copy of the counts at this moment.
    func snapshot() -> SQLiteWriterStatistics {
        lock.withLock { statistics }
    }
}
