import Foundation

/// A first-in, first-out queue of jobs shared by the threads of one pool.
///
/// Threads block in ``next()`` while the queue is empty. After ``close()``
/// they drain what is left and then receive `nil`.
final class CurlJobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [CurlJob] = []
    private var head = 0
    private var isClosed = false

    func enqueue(_ job: CurlJob) {
        condition.lock()
        defer { condition.unlock() }
        precondition(!isClosed, "enqueue on a closed curl job queue")
        jobs.append(job)
        condition.signal()
    }

    /// Blocks the calling thread until a job is available, or returns `nil` once the queue is closed and empty.
    func next() -> CurlJob? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count && !isClosed {
            condition.wait()
        }
        guard head < jobs.count else {
            return nil
        }
        let job = jobs[head]
        head += 1
        compactIfMostlyConsumed()
        return job
    }

    func close() {
        condition.lock()
        defer { condition.unlock() }
        isClosed = true
        condition.broadcast()
    }

    private func compactIfMostlyConsumed() {
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
    }
}
