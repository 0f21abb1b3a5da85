import Foundation

/// Limits how many operations run at once, queueing the rest in arrival order.
///
/// An async semaphore: ``acquire()`` suspends when `limit` holders are
/// active and resumes in FIFO order as ``release()`` is called. Used per
/// target connection so one tenant cannot open more requests toward its Odoo
/// than its connection allows. Thread-safe.
package final class ConcurrencyLimiter: @unchecked Sendable {
    package let limit: Int
    private let lock = NSLock()
    private var active = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init(limit: Int) {
        precondition(limit >= 1, "a concurrency limit allows at least one holder")
        self.limit = limit
    }

    /// Waits for a free slot and takes it.
    package func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted: Bool = lock.withLock {
                if active < limit {
                    active += 1
                    return true
                }
                waiters.append(continuation)
                return false
            }
            if granted {
                continuation.resume()
            }
        }
    }

    /// Gives a slot back, handing it to the longest waiter when there is one.
    package func release() {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            if waiters.isEmpty {
                precondition(active > 0, "release without a matching acquire")
                active -= 1
                return nil
            }
            return waiters.removeFirst()
        }
        next?.resume()
    }

    /// Runs `body` while holding a slot.
    package func withSlot<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    /// The number of holders right now, for metrics.
    package var activeCount: Int {
        lock.withLock { active }
    }
}
