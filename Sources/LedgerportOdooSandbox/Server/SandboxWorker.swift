import Foundation

/// One thread that runs the sandbox's calls one after the other.
///
/// The sandbox blocks on SQLite commits, so its calls must not run on
/// libmicrohttpd's threads (which must not block) or on the Swift concurrency
/// pool. Jobs run in the order they were submitted; ``stop()`` lets the
/// queued jobs finish, then ends the thread.
final class SandboxWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    init(name: String) {
        let thread = Thread { [self] in
            runLoop()
        }
        thread.name = name
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Queues `job`; it runs on the worker thread after the jobs queued before it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        precondition(!stopping, "a job was submitted to a stopped sandbox worker")
        jobs.append(job)
        condition.signal()
    }

    /// Runs `body` on the worker thread and returns its result to the awaiting task.
    func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Finishes the queued jobs and ends the thread; waits on a dedicated thread, not the caller's.
    func stop() async {
        requestStop()
        let finished = finished
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                finished.wait()
                continuation.resume()
            }.start()
        }
    }

    private func requestStop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping {
                condition.wait()
            }
            if jobs.isEmpty && stopping {
                condition.unlock()
                finished.signal()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
