import Testing
import LedgerportRuntime

@Suite struct RetryPolicyTests {
    @Test func delays_growExponentiallyUpToTheCap() {
        let policy = RetryPolicy(maximumAttempts: 10, initialDelaySeconds: 1, multiplier: 2, maximumDelaySeconds: 30, jitter: 0)
        let delays = (1...9).map { policy.decision(afterFailedAttempts: $0, random: 0) }
        #expect(delays == [1, 2, 4, 8, 16, 30, 30, 30, 30].map { RetryDecision.retry(afterSeconds: $0) })
    }

    @Test func lastAttempt_givesUp() {
        let policy = RetryPolicy(maximumAttempts: 3, initialDelaySeconds: 1, multiplier: 2, maximumDelaySeconds: 30, jitter: 0)
        #expect(policy.decision(afterFailedAttempts: 3, random: 0) == .giveUp)
    }

    @Test func jitter_shortensWithinFraction() {
        let policy = RetryPolicy(maximumAttempts: 5, initialDelaySeconds: 10, multiplier: 2, maximumDelaySeconds: 60, jitter: 0.2)
        #expect(policy.decision(afterFailedAttempts: 1, random: 0) == .retry(afterSeconds: 10))
        #expect(policy.decision(afterFailedAttempts: 1, random: 0.5) == .retry(afterSeconds: 9))
        #expect(policy.decision(afterFailedAttempts: 1, random: 1) == .retry(afterSeconds: 8))
    }

    @Test func retryAfter_overridesWhenLonger() {
        let policy = RetryPolicy(maximumAttempts: 5, initialDelaySeconds: 1, multiplier: 2, maximumDelaySeconds: 60, jitter: 0)
        #expect(policy.decision(afterFailedAttempts: 1, retryAfterSeconds: 7, random: 0) == .retry(afterSeconds: 7))
        #expect(policy.decision(afterFailedAttempts: 3, retryAfterSeconds: 2, random: 0) == .retry(afterSeconds: 4))
    }
}
