/// A SQLite database in WAL mode: one serial writer thread plus reader threads, used from `async` code.
///
/// This is the entry point of the module. Every blocking SQLite call runs on
/// a dedicated thread that owns its connection. Callers suspend on a
/// continuation until their closure has run there, so no SQLite call
/// blocks a thread of the Swift concurrency pool.
///
/// - ``write(_:)`` closures run one at a time on the writer, grouped with
///   whatever else is queued into one transaction (group commit). They
///   return only after the commit.
/// - ``writeWithoutTransaction(_:)`` closures run alone on the writer and
///   manage their own transactions (migrations, `VACUUM`).
/// - ``read(_:)`` closures run on a reader in a read transaction, in
///   parallel with each other and with the writer.
///
/// Closures receive the thread's ``SQLiteConnection`` and must not keep it
/// or pass it elsewhere. Calling ``write(_:)`` from inside a closure would
/// wait for itself; it cannot happen because closures are synchronous.
///
/// Call ``close()`` when done: the threads keep the pool alive until then.
package final class SQLiteDatabasePool: Sendable {
    /// The configuration the pool was opened with.
    package let configuration: SQLiteConfiguration

    private let writer: SQLiteWriter
    private let readers: SQLiteReaderPool

    /// Opens the database, switches it to WAL and starts the writer and reader threads.
    ///
    /// Blocks on disk I/O; from `async` code use ``open(_:)``.
    /// - Throws: ``SQLiteError`` when the file cannot be opened or configured.
    package init(configuration: SQLiteConfiguration) throws {
        let writerConnection = try SQLiteConnection(path: configuration.path)
        try writerConnection.configure(as: .writer, configuration: configuration)
        let checkpointConnection = try SQLiteConnection(path: configuration.path)
        try checkpointConnection.configure(as: .checkpointer, configuration: configuration)

        // Readers open after the writer so that the file is already in WAL mode.
        var readerConnections: [SQLiteConnection] = []
        for _ in 0..<configuration.readerCount {
            let connection = try SQLiteConnection(path: configuration.path)
            try connection.configure(as: .reader, configuration: configuration)
            readerConnections.append(connection)
        }

        self.configuration = configuration
        self.writer = SQLiteWriter(
            connection: writerConnection, checkpointConnection: checkpointConnection, checkpointPages: configuration.walAutocheckpointPages,
            walLimitPages: configuration.walLimitPages)
        self.readers = SQLiteReaderPool(connections: readerConnections)
    }

    /// Opens the database on a dedicated thread; see ``init(configuration:)``.
    package static func open(_ configuration: SQLiteConfiguration) async throws -> SQLiteDatabasePool {
        try await DedicatedThread.run(name: "sqlite-open") {
            try SQLiteDatabasePool(configuration: configuration)
        }
    }

    /// Runs `body` on the writer inside a transaction shared with other queued writes, and returns after the commit.
    ///
    /// When `body` throws, only its own changes are rolled back and the error
    /// is rethrown here. When the shared commit fails, every write of the
    /// group throws that ``SQLiteError`` and none of them is stored.
    ///
    /// Pass `rerunnable: true` when `body` only reads and writes the database
    /// and returns a value. The writer may then run it more than once, and it
    /// shares a savepoint with the rerunnable writes next to it, which saves
    /// copying pages into a savepoint journal for each.
    package func write<Value: Sendable>(
        rerunnable: Bool = false, _ body: @escaping @Sendable (SQLiteConnection) throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            writer.enqueue(SQLiteJob(mode: rerunnable ? .rerunnable : .grouped, body: body, continuation: continuation))
        }
    }

    /// Queues `body` as ``write(_:)`` does and returns at once; `completion` receives the result after the commit.
    ///
    /// `completion` runs on the writer's resumer thread, in commit order,
    /// while the writer works on later writes. It must be short and must not
    /// block: the completions of later commits wait for it. It suits a caller
    /// that responds to a request from there (the webhook path), sparing a
    /// task and a thread switch per write.
    package func write<Value: Sendable>(
        rerunnable: Bool = false, _ body: @escaping @Sendable (SQLiteConnection) throws -> Value,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        writer.enqueue(SQLiteJob(mode: rerunnable ? .rerunnable : .grouped, body: body, completion: completion))
    }

    /// Runs `body` alone on the writer with no transaction around it; `body` must close any transaction it opens.
    package func writeWithoutTransaction<Value: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            writer.enqueue(SQLiteJob(mode: .exclusive, body: body, continuation: continuation))
        }
    }

    /// Runs `body` on a reader connection in a read transaction (one consistent snapshot).
    ///
    /// A read started after a ``write(_:)`` returned reads that write's changes.
    package func read<Value: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            readers.enqueue(SQLiteJob(mode: .grouped, body: body, continuation: continuation), path: configuration.path)
        }
    }

    /// Counts of the writer's commits so far.
    package var writerStatistics: SQLiteWriterStatistics {
        writer.currentStatistics
    }

    /// The number of writes queued and not yet taken by the writer.
    package var queuedWriteCount: Int {
        writer.queuedWriteCount
    }

    /// Holds queued writes until ``resumeWrites()``, for example so that writes queued meanwhile share one group.
    ///
    /// Writes still queue while paused; their callers wait. Reads continue,
    /// and so does a checkpoint already asked for, which writes into the
    /// database file: a pause does not make a file copy of the database
    /// consistent (SQLite's backup API does).
    package func pauseWrites() {
        writer.pauseWrites()
    }

    /// Lets the writer take queued writes again after ``pauseWrites()``.
    package func resumeWrites() {
        writer.resumeWrites()
    }

    /// Runs every queued read and write, then stops the threads and closes the connections.
    ///
    /// Later calls fail with ``SQLiteError`` (`SQLITE_MISUSE`). Closing a
    /// paused pool still runs the writes it holds.
    package func close() async {
        let writer = self.writer
        let readers = self.readers
        // The closure cannot throw, so neither can the bridge.
        _ = try? await DedicatedThread.run(name: "sqlite-close") {
            readers.closeAndWait()
            writer.closeAndWait()
        }
    }
}
