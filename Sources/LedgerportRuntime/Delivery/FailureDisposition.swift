import Foundation
import LedgerportSDK
import LedgerportStore

/// The outcome of a failed attempt, decided from the failure class alone.
///
/// | failure class | outcome |
/// |---|---|
/// | transient | retry after the flow's backoff, until its attempts run out, then park as `retries_exhausted` |
/// | business | park as `business` with the target's message, for a finance operator |
/// | configuration | park as `configuration`, and raise an operational alert |
/// | system | park as `system`, and raise an operational alert |
enum FailureDisposition {
    /// Returns the attempt outcome for `error` after `failedAttempts` attempts (this one included).
    static func outcome(
        for error: ConnectorError, failedAttempts: Int, policy: RetryPolicy, now: Date, random: Double
    ) -> AttemptOutcome {
        let attemptError = AttemptError(error)
        switch error.failureClass {
        case .transient:
            switch policy.decision(afterFailedAttempts: failedAttempts, retryAfterSeconds: error.retryAfterSeconds, random: random) {
            case .retry(let seconds):
                return .retry(at: now.addingTimeInterval(seconds), error: attemptError)
            case .giveUp:
                return .park(reason: .retriesExhausted, error: attemptError)
            }
        case .business:
            return .park(reason: .business, error: attemptError)
        case .configuration:
            return .park(reason: .configuration, error: attemptError)
        case .system:
            return .park(reason: .system, error: attemptError)
        }
    }
}
