import CSQLite
import Foundation

/// The one connection that writes, on its own thread, committing queued writes together (group commit).
///
/// Each loop of the thread takes every write queued at that moment, with no
/// batching window. It runs them in order inside one `BEGIN IMMEDIATE`
/// transaction, each in its own savepoint, and commits once (one fsync under
/// `synchronous=FULL`). Only then does it hand every write of the group to a
/// ``SQLiteJobResumer``, which resumes the callers on its own thread while
/// the writer begins the next transaction. A write
/// that throws is rolled back to its savepoint and its caller gets the
/// error; the others still commit. When the commit itself fails, every
/// caller of the group gets that error and nothing of the group is stored.
///
/// A caller is resumed only after its changes are durable, so "the write
/// returned" means "committed". Cancelling the awaiting task does not cancel
/// a queued write: it may already be committed.
final class SQLiteWriter: Sendable {
    private let connection: SQLiteConnection
    private let queue = SQLiteJobQueue()
    private let statistics = SQLiteWriterStatisticsRecorder()
    private let resumer = SQLiteJobResumer(name: "sqlite-resume")
    private let thread: DedicatedThread

    /// Starts the writer thread for `connection`, which must already be configured as the writer, and the checkpoint thread.
    ///
    /// After each group of commits whose callers were handed over, the
    /// writer passes the WAL's frame count to its ``SQLiteCheckpointer``,
    /// which runs on `checkpointConnection` and decides where the next checkpoint runs.
    init(connection: SQLiteConnection, checkpointConnection: SQLiteConnection, checkpointPages: Int, walLimitPages: Int) {
        self.connection = connection
        let queue = self.queue
        let statistics = self.statistics
        let resumer = self.resumer
        let checkpointer = SQLiteCheckpointer(
            connection: checkpointConnection, thresholdPages: checkpointPages, limitPages: walLimitPages, statistics: statistics)
        thread = DedicatedThread(name: "sqlite-writer") {
            while let jobs = queue.takeAll() {
                SQLiteWriter.run(jobs, on: connection, statistics: statistics, resumer: resumer)
                checkpointer.afterCommit(walFrames: connection.walFrames.frames, on: connection)
            }
            checkpointer.closeAndWait()
            connection.close()
            resumer.closeAndWait()
        }
    }

    /// Queues `job`, or resumes it at once with an error when the writer is closed.
    func enqueue(_ job: SQLiteJob) {
        guard queue.enqueue(job) else {
            job.resume(overridingWith: SQLiteError.wrapper(SQLITE_MISUSE, "write to \"\(connection.path)\": the database is closed"))
            return
        }
    }

    /// The number of writes waiting for the writer thread.
    var queuedWriteCount: Int {
        queue.count
    }

    /// Counts of what the writer has committed so far.
    var currentStatistics: SQLiteWriterStatistics {
        statistics.snapshot()
    }

    /// Holds queued writes until ``resumeWrites()``; a group already running still finishes.
    func pauseWrites() {
        queue.pause()
    }

    /// Lets the writer take queued writes again.
    func resumeWrites() {
        queue.resume()
    }

    /// Runs every write still queued, then ends the thread. Blocks; call it from a dedicated thread.
    func closeAndWait() {
        queue.close()
        thread.join()
    }

    // MARK: The writer thread

    /// Runs `jobs` in their queued order: runs of grouped jobs share a transaction, exclusive jobs run alone.
    private static func run(
        _ jobs: [SQLiteJob], on connection: SQLiteConnection, statistics: SQLiteWriterStatisticsRecorder, resumer: SQLiteJobResumer
    ) {
        var group: [SQLiteJob] = []
        for job in jobs {
            switch job.mode {
            case .grouped, .rerunnable:
                group.append(job)
            case .exclusive:
                commitGroup(group, on: connection, statistics: statistics, resumer: resumer)
                group.removeAll()
                resumer.resume([runExclusive(job, on: connection)])
            }
        }
        commitGroup(group, on: connection, statistics: statistics, resumer: resumer)
    }

    /// Runs a job that manages its own transactions; a failed job's open transaction is rolled back.
    private static func runExclusive(_ job: SQLiteJob, on connection: SQLiteConnection) -> SQLiteJobResumer.Resumption {
        job.run(on: connection)
        if job.failure == nil {
            precondition(!connection.isInTransaction, "a write without transaction left a transaction open on \"\(connection.path)\"")
        } else {
            connection.rollbackIfOpen()
        }
        return (job: job, error: nil)
    }

    /// Runs `group` in one transaction, commits it and hands every job to `resumer`.
    private static func commitGroup(
        _ group: [SQLiteJob], on connection: SQLiteConnection, statistics: SQLiteWriterStatisticsRecorder, resumer: SQLiteJobResumer
    ) {
        var remaining = group[...]
        while !remaining.isEmpty {
            var transaction = GroupTransaction(connection: connection)
            remaining = transaction.runUntilAborted(remaining)
            resumer.resume(transaction.commit(statistics: statistics))
        }
    }
}
