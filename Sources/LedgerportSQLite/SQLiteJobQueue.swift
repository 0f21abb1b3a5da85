import Foundation

/// A queue of ``SQLiteJob``s that connection threads block on.
///
/// Threading: every method may be called from any thread; an `NSCondition`
/// guards the state. Taking blocks the calling thread, so only dedicated
/// connection threads take. A closed queue still hands out its queued jobs,
/// then returns nil so the threads can end. Jobs enqueued after closing are
/// rejected at once.
final class SQLiteJobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [SQLiteJob] = []
    private var isPaused = false
    private var isClosed = false

    /// Adds `job`, or returns false when the queue is closed.
    func enqueue(_ job: SQLiteJob) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else {
            return false
        }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Blocks until jobs are queued (and the queue is not paused), then takes all of them.
    ///
    /// Returns nil when the queue is closed and empty.
    func takeAll() -> [SQLiteJob]? {
        condition.lock()
        defer { condition.unlock() }
        waitForWork()
        guard !jobs.isEmpty else {
            return nil
        }
        let taken = jobs
        jobs.removeAll(keepingCapacity: true)
        return taken
    }

    /// Blocks until a job is queued (and the queue is not paused), then takes the oldest one.
    ///
    /// Returns nil when the queue is closed and empty.
    func takeOne() -> SQLiteJob? {
        condition.lock()
        defer { condition.unlock() }
        waitForWork()
        guard !jobs.isEmpty else {
            return nil
        }
        let job = jobs.removeFirst()
        if !jobs.isEmpty {
            condition.signal()
        }
        return job
    }

    /// The number of jobs waiting to be taken.
    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count
    }

    /// Holds queued jobs until ``resume()``; jobs already taken still finish.
    func pause() {
        condition.lock()
        isPaused = true
        condition.unlock()
    }

    /// Lets threads take jobs again after ``pause()``.
    func resume() {
        condition.lock()
        isPaused = false
        condition.broadcast()
        condition.unlock()
    }

    /// Rejects new jobs and wakes every waiting thread; queued jobs still run, even when paused.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits, with the lock held, until there is work to hand out or the queue is closed.
    private func waitForWork() {
        while !isClosed && (jobs.isEmpty || isPaused) {
            condition.wait()
        }
    }
}
