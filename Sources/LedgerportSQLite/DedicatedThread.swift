import CSQLite
import Foundation

/// A thread of its own for blocking SQLite calls, kept apart from the Swift concurrency pool.
///
/// The pool has one thread per core, so a blocking `sqlite3_step` (an fsync
/// at commit, a lock wait) on it stalls unrelated tasks. A dedicated thread
/// blocks alone.
final class DedicatedThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts a thread named `name` that runs `body` once.
    ///
    /// Linux keeps at most 15 bytes of a thread name and drops a longer one
    /// entirely (the thread then shows its creator's name), so keep `name` short.
    init(name: String, body: @escaping @Sendable () -> Void) {
        let finished = self.finished
        let thread = Thread {
            DedicatedThread.nameCurrentThread(name)
            body()
            finished.signal()
        }
        // An explicit size keeps SQLite's stack use (triggers, nested queries) independent of the platform's default
        // for secondary threads, which is 512 KiB on macOS.
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Names the calling thread for debuggers, `top -H` and crash reports.
    ///
    /// Foundation's `Thread.name` did not reliably reach the operating
    /// system on Linux (a name set before `start()` is dropped, and one set
    /// inside the thread was sometimes lost), so this calls the OS directly.
    private static func nameCurrentThread(_ name: String) {
        ledgerport_name_current_thread(name)
    }

    /// Blocks until `body` has returned. Call it at most once, and never on the Swift concurrency pool.
    func join() {
        finished.wait()
    }

    /// Runs `body` on a new dedicated thread and returns its result to the awaiting task.
    ///
    /// Use it for one-off blocking work, such as opening a database or
    /// waiting for connection threads to finish, from `async` code.
    static func run<Value: Sendable>(name: String, _ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            _ = DedicatedThread(name: name) {
                continuation.resume(with: Swift.Result { try body() })
            }
        }
    }
}
