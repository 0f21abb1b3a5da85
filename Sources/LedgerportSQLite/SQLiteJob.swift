/// One closure queued for a connection thread, with what receives its result: a waiting task or a completion handler.
///
/// Threading: created on the caller's task, then touched by the one
/// connection thread that takes it from the queue and, for a write, by the
/// resumer thread it is handed to after the commit. Each hand-off goes
/// through a lock and no two threads touch it at once, which is why the
/// unchecked `Sendable` holds. ``run(on:)`` runs the closure and keeps its
/// result. ``resume(overridingWith:)`` hands that result (or an error that
/// replaces it, such as a failed commit) to the waiting task or the
/// completion handler, exactly once: on the reader's thread for a read, on
/// the writer's ``SQLiteJobResumer`` thread for a write.
final class SQLiteJob: @unchecked Sendable {
    /// Whether the writer may run the job inside a shared transaction with other jobs.
    enum Mode {
        /// Runs inside the writer's group transaction, in its own savepoint.
        case grouped
        /// Runs inside the writer's group transaction, sharing one savepoint with the rerunnable jobs next to it.
        ///
        /// Its body only reads and writes the database and returns a value, so
        /// the writer may roll it back and run it again when a job beside it
        /// fails (see `GroupTransaction`).
        case rerunnable
        /// Runs alone with no transaction around it (migrations, `VACUUM`, pragmas).
        case exclusive
    }

    let mode: Mode
    private let body: (SQLiteConnection) -> (any Error)?
    private let complete: ((any Error)?) -> Void
    private var isResumed = false

    /// The error the closure threw, once ``run(on:)`` has run it; nil when it succeeded or has not run.
    private(set) var failure: (any Error)?

    /// A job whose result resumes the task waiting on `continuation`.
    convenience init<Value: Sendable>(
        mode: Mode,
        body: @escaping @Sendable (SQLiteConnection) throws -> Value,
        continuation: CheckedContinuation<Value, any Error>
    ) {
        self.init(mode: mode, body: body) { result in
            continuation.resume(with: result)
        }
    }

    /// A job whose result is handed to `completion` when the job is resumed.
    init<Value: Sendable>(
        mode: Mode,
        body: @escaping @Sendable (SQLiteConnection) throws -> Value,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        let box = ResultBox<Value>()
        self.mode = mode
        self.body = { connection in
            do {
                box.result = .success(try body(connection))
                return nil
            } catch {
                box.result = .failure(error)
                return error
            }
        }
        self.complete = { override in
            if let override {
                completion(.failure(override))
            } else if let result = box.result {
                completion(result)
            } else {
                preconditionFailure("a SQLite job was resumed before it ran")
            }
        }
    }

    /// Runs the closure on `connection` and keeps its result until ``resume(overridingWith:)``.
    func run(on connection: SQLiteConnection) {
        failure = body(connection)
    }

    /// Resumes the waiting task with the closure's result, or with `error` when one is given.
    func resume(overridingWith error: (any Error)? = nil) {
        precondition(!isResumed, "a SQLite job was resumed twice")
        isResumed = true
        complete(error)
    }
}

/// The result of a job between running it and resuming its task; used on one thread only.
private final class ResultBox<Value>: @unchecked Sendable {
    var result: Result<Value, any Error>?
}
