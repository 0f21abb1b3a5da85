import Foundation

/// A token bucket: at most `burst` requests at once, refilled at `ratePerSecond`.
///
/// The bucket does not sleep; ``reserve(at:)`` returns how long the caller
/// must wait before its request may go, and counts the request as taken, so
/// concurrent callers queue up behind each other in order. Time comes from
/// the caller, so tests drive it with a manual clock and assert exact waits.
/// Thread-safe.
package final class TokenBucket: @unchecked Sendable {
    package let ratePerSecond: Double
    package let burst: Double
    private let lock = NSLock()
    private var tokens: Double
    private var updatedAt: Date?

    package init(ratePerSecond: Double, burst: Double) {
        precondition(ratePerSecond > 0 && burst >= 1, "a token bucket needs a positive rate and room for one request")
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.tokens = burst
    }

    /// Takes one token and returns the seconds to wait before using it (0 when one was available).
    package func reserve(at now: Date) -> Double {
        lock.lock()
        defer { lock.unlock() }
        refill(at: now)
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / ratePerSecond
    }

    /// Takes a token only when one is available now; returns whether it did.
    package func tryTake(at now: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        refill(at: now)
        guard tokens >= 1 else {
            return false
        }
        tokens -= 1
        return true
    }

    private func refill(at now: Date) {
        if let updatedAt {
            let elapsed = max(0, now.timeIntervalSince(updatedAt))
            tokens = min(burst, tokens + elapsed * ratePerSecond)
        }
        updatedAt = now
    }
}
