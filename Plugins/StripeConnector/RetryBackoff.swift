/// A source of random fractions in `0..<1` that spreads retries apart.
///
/// Tests pass a fixed source so backoff delays are exact.
package protocol JitterSource: Sendable {
    /// Returns a value in `0..<1`.
    func nextFraction() -> Double
}

/// Jitter from the system's random number generator.
package struct SystemJitter: JitterSource {
    package init() {}

    package func nextFraction() -> Double {
        Double.random(in: 0..<1)
    }
}

/// Exponential backoff with "equal jitter" for retrying failed API requests.
///
/// Before retry `n` (1 for the first retry) the base delay is
/// `initialDelay × multiplier^(n-1)`, capped at `maximumDelay`. The delay
/// waited is half the base plus a random part of the other half, so
/// concurrent clients do not retry in step. A `Retry-After` from the server
/// is honoured when it asks for longer. Delays are in seconds.
struct RetryBackoff: Sendable {
    var initialDelay: Double = 0.5
    var multiplier: Double = 2
    var maximumDelay: Double = 20
    /// Attempts in all, including the first; 1 disables retrying.
    var maximumAttempts: Int = 5
    var jitter: any JitterSource = SystemJitter()

    /// Computes the delay before retry number `retry` (1-based), at least `retryAfter` seconds when given.
    func delay(beforeRetry retry: Int, retryAfter: Double? = nil) -> Double {
        precondition(retry >= 1, "retries are numbered from 1")
        var base = initialDelay
        for _ in 1..<retry {
            base = min(base * multiplier, maximumDelay)
        }
        base = min(base, maximumDelay)
        let jittered = base / 2 + jitter.nextFraction() * base / 2
        return max(jittered, retryAfter ?? 0)
    }
}
