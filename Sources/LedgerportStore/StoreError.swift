import LedgerportSDK

/// The error every ``Store`` method throws.
///
/// The ``message`` follows `<operation> <object>: <cause>` with values
/// quoted, and the ``hint`` says what to do. Neither contains a payload or a
/// secret: stores build them from ids, names and the database's own message.
/// The ``code`` decides who acts next through ``failureClass``.
package struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; stable, snake_case, for metrics and tests.
    package enum Code: String, Sendable, CaseIterable {
        /// The row does not exist, or belongs to another tenant.
        case notFound = "not_found"
        /// A row with the same unique key (slug, id, approver) exists.
        case alreadyExists = "already_exists"
        /// An argument breaks a rule (slug format, unknown time zone, JSON that is not an object).
        case invalidInput = "invalid_input"
        /// The row is not in the state the operation expects, such as approving a closed change request.
        case conflict
        /// The delivery's claim expired and another worker claimed it; the result of this worker is dropped.
        case leaseLost = "lease_lost"
        /// The database is busy or temporarily unreachable; retrying can succeed.
        case unavailable
        /// The database schema does not match this version (changed or unknown migration).
        case schemaMismatch = "schema_mismatch"
        /// The database failed in a way retrying does not fix (corruption, full disk, a bug).
        case storageFailure = "storage_failure"
    }

    package let code: Code
    /// What failed, on which value.
    package let message: String
    /// What a person should do about it, when that is known.
    package let hint: String?

    package init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// Who must act next: the person who supplied the input, a retry, or an operator.
    package var failureClass: FailureClass {
        switch code {
        case .notFound, .alreadyExists, .invalidInput, .schemaMismatch:
            .configuration
        case .conflict, .leaseLost, .unavailable:
            .transient
        case .storageFailure:
            .system
        }
    }

    package var description: String {
        hint.map { "\(message); \($0)" } ?? message
    }
}

extension StoreError {
    /// A missing row: `<operation> <object>: not found`.
    package static func notFound(_ operation: String, _ object: String, hint: String? = nil) -> StoreError {
        StoreError(.notFound, "\(operation) \(object): not found", hint: hint)
    }

    /// A duplicate unique key: `<operation> <object>: already exists`.
    package static func alreadyExists(_ operation: String, _ object: String, hint: String? = nil) -> StoreError {
        StoreError(.alreadyExists, "\(operation) \(object): already exists", hint: hint)
    }

    /// An argument that breaks a rule: `<operation> <object>: <cause>`.
    package static func invalidInput(_ operation: String, _ object: String, _ cause: String, hint: String? = nil) -> StoreError {
        StoreError(.invalidInput, "\(operation) \(object): \(cause)", hint: hint)
    }

    /// A row in an unexpected state: `<operation> <object>: <cause>`.
    package static func conflict(_ operation: String, _ object: String, _ cause: String, hint: String? = nil) -> StoreError {
        StoreError(.conflict, "\(operation) \(object): \(cause)", hint: hint)
    }
}
