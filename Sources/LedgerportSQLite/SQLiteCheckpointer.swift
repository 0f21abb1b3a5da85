import CSQLite
import Foundation

/// Copies the WAL into the database file on its own thread and connection, so that commits do not wait for it.
///
/// The writer calls ``afterCommit(walFrames:on:)`` after each group of
/// commits. Once at least `thresholdPages` frames of the WAL are not yet in
/// the database file, it wakes this thread for a passive checkpoint and
/// returns at once. Such a checkpoint copies the frames committed when it
/// started while the writer goes on appending, so under steady load it
/// never reaches the end of the WAL. SQLite starts the WAL over from its
/// beginning only when every frame has been copied before the writer's next
/// transaction. Therefore, once the WAL has `limitPages` frames, the writer
/// copies the rest itself between two transactions, as soon as no
/// background checkpoint is running, and its next transaction starts the
/// WAL over. At twice `limitPages` it also waits for a running one, which
/// bounds the WAL.
///
/// When the writer ran every checkpoint itself, they took about a fifth of
/// its time in `ledgerport-bench ingest`, including a flush of the database
/// file each, and every write queued meanwhile waited for them.
///
/// NOTE: a reader that keeps an old snapshot open stops every checkpoint
/// at the frames it still needs. The WAL then grows past the limit, and the
/// writer tries a checkpoint after each commit until that read ends.
final class SQLiteCheckpointer: @unchecked Sendable {
    /// The number of WAL frames not yet in the database file from which a commit wakes the checkpoint thread; 0 never checkpoints.
    let thresholdPages: Int
    /// The WAL size, in frames, from which the writer copies the rest of the WAL itself between two transactions.
    let limitPages: Int

    private let connection: SQLiteConnection
    private let statistics: SQLiteWriterStatisticsRecorder
    private let condition = NSCondition()
    private var isRequested = false
    private var isRunning = false
    private var isPaused = false
    private var isClosed = false
    /// The frames, counted from the WAL's start, that the last checkpoint left in the database file.
    private var copiedFrames = 0
    private var thread: DedicatedThread?

    /// Starts the checkpoint thread on `connection`, which must be open on the writer's database and used by nothing else.
    init(connection: SQLiteConnection, thresholdPages: Int, limitPages: Int, statistics: SQLiteWriterStatisticsRecorder) {
        precondition(thresholdPages == 0 || limitPages >= thresholdPages, "the WAL limit must not be below the checkpoint threshold")
        self.connection = connection
        self.thresholdPages = thresholdPages
        self.limitPages = limitPages
        self.statistics = statistics
        // Linux keeps 15 bytes of a thread's name.
        thread = DedicatedThread(name: "sqlite-ckpt") { [self] in
            runLoop()
        }
    }

    /// Decides, after a commit that left `walFrames` frames in the WAL, where the next checkpoint runs.
    ///
    /// Called on the writer's thread with the writer's connection, between two transactions.
    func afterCommit(walFrames: Int, on writer: SQLiteConnection) {
        statistics.recordWALFrames(walFrames)
        guard thresholdPages > 0 else {
            return
        }
        condition.lock()
        if walFrames < copiedFrames {
            // The commit started the WAL over from its beginning.
            copiedFrames = 0
        }
        let uncopied = walFrames - copiedFrames
        guard walFrames >= limitPages, uncopied > 0 else {
            if uncopied >= thresholdPages {
                isRequested = true
                condition.signal()
            }
            condition.unlock()
            return
        }
        if isRunning && walFrames < 2 * limitPages {
            // The background checkpoint is still copying; the writer copies the rest after a later commit.
            condition.unlock()
            return
        }
        while isRunning {
            condition.wait()
        }
        isPaused = true
        condition.unlock()
        runCheckpoint(on: writer, onWriter: true)
    }

    /// Stops the thread after any checkpoint it is running, and closes its connection.
    func closeAndWait() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
        thread?.join()
        connection.close()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while !isClosed && (!isRequested || isPaused) {
                condition.wait()
            }
            if isClosed {
                condition.unlock()
                return
            }
            isRequested = false
            isRunning = true
            condition.unlock()
            runCheckpoint(on: connection, onWriter: false)
        }
    }

    /// Runs a passive checkpoint on `connection` outside the lock, then records how far it copied and that it ended.
    private func runCheckpoint(on connection: SQLiteConnection, onWriter: Bool) {
        let copied = connection.checkpointPassive()
        statistics.recordCheckpoint(onWriter: onWriter)

        condition.lock()
        copiedFrames = copied ?? copiedFrames
        if onWriter {
            isPaused = false
        } else {
            isRunning = false
        }
        condition.broadcast()
        condition.unlock()
    }
}
