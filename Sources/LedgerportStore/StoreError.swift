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

    /// A tenant's collection that a `not_found` error searched, so each interface can name its own way to list it.
    package enum Listing: String, Sendable, Hashable {
        case connections
        case flows

        /// The CLI hint the store puts in ``StoreError/hint``, such as "list flows with `ledgerport flow list`".
        package var commandHint: String {
            switch self {
            case .connections: "list connections with `ledgerport connection list`"
            case .flows: "list flows with `ledgerport flow list`"
            }
        }
    }

    package let code: Code
    /// The failed operation and the value it failed on.
    package let message: String
    /// The next step for a person, when one is known.
    package let hint: String?
    /// The collection a `not_found` error searched, when ``hint`` is the command that lists it.
    package let listing: Listing?

    package init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        listing = nil
    }

    /// Makes a `not_found` error whose hint is the CLI command that lists `listing`.
    package init(notFound message: String, listing: Listing) {
        code = .notFound
        self.message = message
        hint = listing.commandHint
        self.listing = listing
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

    /// Makes the error for a row missing from a tenant's `listing`, with the hint to list it.
    package static func notFound(_ operation: String, _ object: String, listing: Listing) -> StoreError {
        StoreError(notFound: "\(operation) \(object): not found", listing: listing)
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
