import CSQLite

/// Read-only connections, one dedicated thread each, serving reads from one queue.
///
/// Each read runs in its own `BEGIN DEFERRED` transaction, so it sees one
/// consistent snapshot of the database even while the writer commits. In
/// WAL mode readers never block the writer, nor the writer them.
final class SQLiteReaderPool: Sendable {
    private let queue = SQLiteJobQueue()
    private let threads: [DedicatedThread]

    /// Starts one thread per connection in `connections`, each already configured as a reader.
    init(connections: [SQLiteConnection]) {
        let queue = self.queue
        threads = connections.enumerated().map { index, connection in
            DedicatedThread(name: "sqlite-reader-\(index)") {
                while let job = queue.takeOne() {
                    SQLiteReaderPool.run(job, on: connection)
                }
                connection.close()
            }
        }
    }

    /// Queues `job` for the next free reader, or resumes it at once with an error when the pool is closed.
    func enqueue(_ job: SQLiteJob, path: String) {
        guard queue.enqueue(job) else {
            job.resume(overridingWith: SQLiteError.wrapper(SQLITE_MISUSE, "read from \"\(path)\": the database is closed"))
            return
        }
    }

    /// Runs every read still queued, then ends the threads. Blocks; call it from a dedicated thread.
    func closeAndWait() {
        queue.close()
        for thread in threads {
            thread.join()
        }
    }

    private static func run(_ job: SQLiteJob, on connection: SQLiteConnection) {
        do {
            try connection.inTransaction(.deferred) {
                job.run(on: connection)
            }
            job.resume()
        } catch {
            // BEGIN or COMMIT failed, so the snapshot the job read cannot be trusted.
            job.resume(overridingWith: job.failure ?? error)
        }
    }
}
