import Foundation

/// Resumes the writer's jobs on a thread of its own, in the order the writer hands them over.
///
/// Resuming a job runs its completion handler or wakes its waiting task.
/// For a webhook that means building the response and waking the HTTP
/// thread. Done on the writer thread, that took 14 to 20% of its time under
/// full ingest load (`ledgerport-bench ingest`). Handed over here after each
/// commit, it runs while the writer begins its next transaction.
///
/// Threading: ``resume(_:)`` and ``closeAndWait()`` may be called from any
/// thread; an `NSCondition` guards the queue. Each job is resumed once, on
/// this thread, after the writer has finished with it.
final class SQLiteJobResumer: @unchecked Sendable {
    /// A job and the error that replaces its own result, if any.
    typealias Resumption = (job: SQLiteJob, error: (any Error)?)

    private let condition = NSCondition()
    private var pending: [Resumption] = []
    private var isClosed = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the thread, named `name`.
    init(name: String) {
        _ = DedicatedThread(name: name) { [self] in
            while let batch = takeAll() {
                for resumption in batch {
                    resumption.job.resume(overridingWith: resumption.error)
                }
            }
            finished.signal()
        }
    }

    /// Queues `resumptions` behind those handed over before.
    func resume(_ resumptions: [Resumption]) {
        guard !resumptions.isEmpty else {
            return
        }
        condition.lock()
        precondition(!isClosed, "a SQLite job was handed over after the resumer closed")
        pending.append(contentsOf: resumptions)
        condition.signal()
        condition.unlock()
    }

    /// Resumes every job still queued, then ends the thread. Blocks; call it from a dedicated thread.
    func closeAndWait() {
        condition.lock()
        isClosed = true
        condition.signal()
        condition.unlock()
        finished.wait()
    }

    /// Blocks until jobs are queued, then takes all of them; nil once closed and empty.
    private func takeAll() -> [Resumption]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !isClosed {
            condition.wait()
        }
        guard !pending.isEmpty else {
            return nil
        }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        return batch
    }
}
