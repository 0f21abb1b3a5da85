import Foundation

/// Limits how many transfers one transport runs at once.
///
/// A caller over the limit suspends in ``acquire()`` (its task waits, no
/// thread blocks) and resumes, first come first served, when another
/// transfer calls ``release()``. Waiting is not cancellable: transfers have
/// timeouts, so a permit always comes back.
final class TransferLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var firstWaiter = 0

    init(limit: Int) {
        precondition(limit > 0, "a transfer limit must be positive")
        available = limit
    }

    func acquire() async {
        let acquiredAtOnce = lock.withLock {
            guard available > 0 else {
                return false
            }
            available -= 1
            return true
        }
        if acquiredAtOnce {
            return
        }
        await withCheckedContinuation { continuation in
            let resumeNow = lock.withLock {
                // A permit may have come back between the first check and now.
                if available > 0 {
                    available -= 1
                    return true
                }
                waiters.append(continuation)
                return false
            }
            if resumeNow {
                continuation.resume()
            }
        }
    }

    /// Returns a permit, handing it directly to the longest waiting caller if there is one.
    func release() {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            guard firstWaiter < waiters.count else {
                available += 1
                return nil
            }
            let waiter = waiters[firstWaiter]
            firstWaiter += 1
            if firstWaiter == waiters.count {
                waiters.removeAll(keepingCapacity: true)
                firstWaiter = 0
            }
            return waiter
        }
        next?.resume()
    }
}
