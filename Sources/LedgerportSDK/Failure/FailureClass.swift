/// Who must act next when an operation fails. The runtime decides retry or park from this alone.
public enum FailureClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// The connection is misconfigured (bad credentials, missing access rights, wrong database).
    /// A person must fix the configuration; the delivery is parked and an operational alert raised.
    case configuration
    /// The peer is temporarily unavailable (timeout, refused connection, HTTP 5xx, 429, lock contention).
    /// The delivery is retried with backoff until its retry policy is exhausted.
    case transient
    /// The target rejected the record for a business reason (a validation rule, an amount mismatch).
    /// The delivery is parked with the target's message for a finance operator to resolve and replay.
    case business
    /// A bug or an outage that neither retrying nor configuration fixes (an unexpected response shape).
    /// The delivery is parked and an operational alert raised.
    case system
}
