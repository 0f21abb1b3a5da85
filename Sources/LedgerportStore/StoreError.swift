import LedgerportSDK

/// The error every ``Store`` method throws.
///
/// The ``message`` follows `<operation> <object>: <cause>` with values
/// quoted, and the ``hint`` states what to do. Neither contains a payload or a
/// secret: stores build them from ids, names and the database's own message.
/// The ``code`` decides who acts next through ``failureClass``.
package struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure: a stable snake_case name for metrics and tests.
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
    /// The failed operation and the value it failed on.
    package let message: String
    /// The next step for a person, when one is known.
    package let hint: String?
    /// The step that fixes the error, when ``hint`` names it as a CLI command and the admin API names it by its route.
    package let remedy: Remedy?

    package init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        remedy = nil
    }

    /// Makes an error whose hint is the CLI command of `remedy` for the tenant `tenantSlug`, when it is known.
    package init(_ code: Code, _ message: String, remedy: Remedy, tenantSlug: String?) {
        self.code = code
        self.message = message
        hint = remedy.commandHint(tenantSlug: tenantSlug)
        self.remedy = remedy
    }

    /// The class of failure, which decides who acts next: the person who supplied the input, a retry, or an operator.
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
    /// Makes the error for a missing row: `<operation> <object>: not found`.
    package static func notFound(_ operation: String, _ object: String, hint: String? = nil) -> StoreError {
        StoreError(.notFound, "\(operation) \(object): not found", hint: hint)
    }

    /// Makes the error for a missing row of the tenant `tenantSlug`, with `remedy` as the hint.
    package static func notFound(_ operation: String, _ object: String, remedy: Remedy, tenantSlug: String?) -> StoreError {
        StoreError(.notFound, "\(operation) \(object): not found", remedy: remedy, tenantSlug: tenantSlug)
    }

    /// Makes the error for a duplicate unique key: `<operation> <object>: already exists`.
    package static func alreadyExists(_ operation: String, _ object: String, hint: String? = nil) -> StoreError {
        StoreError(.alreadyExists, "\(operation) \(object): already exists", hint: hint)
    }

    /// Makes the error for an argument that breaks a rule: `<operation> <object>: <cause>`.
    package static func invalidInput(_ operation: String, _ object: String, _ cause: String, hint: String? = nil) -> StoreError {
        StoreError(.invalidInput, "\(operation) \(object): \(cause)", hint: hint)
    }

    /// Makes the error for a row in an unexpected state: `<operation> <object>: <cause>`.
    package static func conflict(_ operation: String, _ object: String, _ cause: String, hint: String? = nil) -> StoreError {
        StoreError(.conflict, "\(operation) \(object): \(cause)", hint: hint)
    }
}
