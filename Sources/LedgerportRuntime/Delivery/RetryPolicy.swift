/// When to retry a delivery that failed with a transient error, and when to give up.
///
/// The delay before attempt `n + 1` (after `n` failed attempts) is
/// `min(maximumDelay, initialDelay × multiplier^(n-1))`, then spread by
/// `jitter`: with jitter 0.2 the delay is drawn uniformly from 80 % to 100 %
/// of that value ("equal jitter" toward shorter waits, so retries of a burst
/// of deliveries spread out but never wait longer than the cap). A peer's
/// `Retry-After` overrides the computed delay when it is longer.
package struct RetryPolicy: Sendable, Hashable, Codable {
    /// Attempts in all, the first included; after the last one the delivery is parked as `retries_exhausted`.
    package var maximumAttempts: Int
    package var initialDelaySeconds: Double
    package var multiplier: Double
    package var maximumDelaySeconds: Double
    /// The fraction of the delay that is randomized, from 0 (none) to 1.
    package var jitter: Double

    package init(maximumAttempts: Int, initialDelaySeconds: Double, multiplier: Double, maximumDelaySeconds: Double, jitter: Double) {
        precondition(maximumAttempts >= 1, "a retry policy allows at least one attempt")
        precondition(initialDelaySeconds >= 0 && multiplier >= 1 && maximumDelaySeconds >= initialDelaySeconds, "retry delays must grow")
        precondition((0...1).contains(jitter), "jitter is a fraction from 0 to 1")
        self.maximumAttempts = maximumAttempts
        self.initialDelaySeconds = initialDelaySeconds
        self.multiplier = multiplier
        self.maximumDelaySeconds = maximumDelaySeconds
        self.jitter = jitter
    }

    /// Eight attempts over about four minutes: 1, 2, 4, 8, 16, 32, 60, 60 seconds before jitter.
    package static let standard = RetryPolicy(
        maximumAttempts: 8, initialDelaySeconds: 1, multiplier: 2, maximumDelaySeconds: 60, jitter: 0.2
    )

    enum CodingKeys: String, CodingKey {
        case maximumAttempts = "maximum_attempts"
        case initialDelaySeconds = "initial_delay_seconds"
        case multiplier
        case maximumDelaySeconds = "maximum_delay_seconds"
        case jitter
    }

    /// Decides what follows a transient failure of attempt number `failedAttempts` (1 for the first).
    ///
    /// - Parameters:
    ///   - failedAttempts: how many attempts have failed so far, this one included.
    ///   - retryAfterSeconds: the peer's requested wait, when it sent one.
    ///   - random: a number in `0..<1` that decides the jitter; inject a fixed one in tests.
    package func decision(afterFailedAttempts failedAttempts: Int, retryAfterSeconds: Int? = nil, random: Double) -> RetryDecision {
        precondition(failedAttempts >= 1, "decide only after an attempt failed")
        guard failedAttempts < maximumAttempts else {
            return .giveUp
        }
        var delay = initialDelaySeconds
        for _ in 1..<failedAttempts {
            delay *= multiplier
            if delay >= maximumDelaySeconds { break }
        }
        delay = min(delay, maximumDelaySeconds)
        delay -= delay * jitter * min(max(random, 0), 1)
        if let retryAfterSeconds, Double(retryAfterSeconds) > delay {
            delay = Double(retryAfterSeconds)
        }
        return .retry(afterSeconds: delay)
    }
}

/// The outcome of ``RetryPolicy/decision(afterFailedAttempts:retryAfterSeconds:random:)``.
package enum RetryDecision: Sendable, Hashable {
    case retry(afterSeconds: Double)
    case giveUp
}
