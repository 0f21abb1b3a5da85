import Foundation

/// Counts of the writer's commits and checkpoints, for metrics: how well group commit batches and how long the WAL gets.
package struct SQLiteWriterStatistics: Sendable, Equatable {
    /// Group transactions committed since the database opened.
    package var committedTransactions: Int = 0
    /// Writes (calls of ``SQLiteDatabasePool/write(_:)``) those transactions covered.
    package var committedWrites: Int = 0
    /// The maximum number of writes that one transaction covered.
    package var largestGroup: Int = 0
    /// Checkpoints run by the checkpoint thread, beside the commits.
    package var backgroundCheckpoints: Int = 0
    /// Checkpoints run by the writer between two transactions, because the WAL reached its limit.
    package var writerCheckpoints: Int = 0
    /// The maximum number of frames the WAL had after a commit.
    package var largestWALFrames: Int = 0

    package init(
        committedTransactions: Int = 0, committedWrites: Int = 0, largestGroup: Int = 0, backgroundCheckpoints: Int = 0,
        writerCheckpoints: Int = 0, largestWALFrames: Int = 0
    ) {
        self.committedTransactions = committedTransactions
        self.committedWrites = committedWrites
        self.largestGroup = largestGroup
        self.backgroundCheckpoints = backgroundCheckpoints
        self.writerCheckpoints = writerCheckpoints
        self.largestWALFrames = largestWALFrames
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

    /// Records the WAL's size after a commit.
    func recordWALFrames(_ frames: Int) {
        lock.withLock {
            statistics.largestWALFrames = max(statistics.largestWALFrames, frames)
        }
    }

    /// Records one checkpoint, run by the writer or by the checkpoint thread.
    func recordCheckpoint(onWriter: Bool) {
        lock.withLock {
            if onWriter {
                statistics.writerCheckpoints += 1
            } else {
                statistics.backgroundCheckpoints += 1
            }
        }
    }

    /// Returns a copy of the counts at this moment.
    func snapshot() -> SQLiteWriterStatistics {
        lock.withLock { statistics }
    }
}
