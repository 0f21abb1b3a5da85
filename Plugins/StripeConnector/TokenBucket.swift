import Foundation
import LedgerportSDK

/// A token bucket that paces requests to a rate, on an injected clock.
///
/// The bucket contains at most `capacity` tokens and refills at `ratePerSecond`.
/// ``acquire()`` takes one token, waiting on the clock for the time it takes
/// to refill when none is left. Callers reserve their slot under a lock
/// before waiting, so concurrent callers queue in order and the rate holds
/// across tasks. The bucket starts full.
final class TokenBucket: @unchecked Sendable {
    let ratePerSecond: Double
    let capacity: Double
    private let clock: any WallClock
    private let lock = NSLock()
    private var tokens: Double
    private var refilledAt: Date

    init(ratePerSecond: Double, capacity: Double? = nil, clock: any WallClock) {
        precondition(ratePerSecond > 0, "a token bucket needs a positive rate")
        self.ratePerSecond = ratePerSecond
        self.capacity = capacity ?? ratePerSecond
        self.clock = clock
        self.tokens = self.capacity
        self.refilledAt = clock.now()
    }

    /// Takes one token, waiting until one is available.
    ///
    /// Throws `CancellationError` when the task is cancelled while waiting;
    /// the reserved token is then lost, which only slows later callers.
    func acquire() async throws {
        let wait = reserve()
        if wait > 0 {
            try await clock.sleep(seconds: wait)
        }
    }

    /// Takes a token now, possibly going into debt, and returns how long the caller must wait, in seconds.
    private func reserve() -> Double {
        lock.withLock {
            let now = clock.now()
            let elapsed = max(0, now.timeIntervalSince(refilledAt))
            tokens = min(capacity, tokens + elapsed * ratePerSecond)
            refilledAt = now
            tokens -= 1
            return tokens >= 0 ? 0 : -tokens / ratePerSecond
        }
    }
}
