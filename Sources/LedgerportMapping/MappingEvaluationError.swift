import LedgerportSDK

/// A failure to turn an event into operations.
///
/// Most failures are about the event's data (a field the mapping rejects when
/// missing, a price with no product in a lookup, amounts in two currencies)
/// and are ``FailureClass/business``: the delivery is parked for a finance
/// operator. An event the mapping does not handle and a broken context are
/// ``FailureClass/configuration``.
package struct MappingEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, stable for tests and dashboards.
    package enum Code: String, Sendable, Hashable {
        case eventNotHandled = "mapping_event_not_handled"
        case invalidEvent = "mapping_invalid_event"
        case invalidContext = "mapping_invalid_context"
        case fieldRejected = "mapping_field_rejected"
        case lookupMiss = "mapping_lookup_miss"
        case invalidValue = "mapping_invalid_value"
        case arithmetic = "mapping_arithmetic"
        case invalidExternalID = "mapping_invalid_external_id"

        /// The failure class of this kind of failure, which decides who acts next.
        package var failureClass: FailureClass {
            switch self {
            case .eventNotHandled, .invalidContext: .configuration
            case .invalidEvent, .fieldRejected, .lookupMiss, .invalidValue, .arithmetic, .invalidExternalID: .business
            }
        }
    }

    /// The kind of failure.
    package var code: Code
    /// `name@version` of the mapping.
    package var mapping: String
    /// The rule in the mapping document that failed.
    package var pointer: JSONPointer
    /// The failure, naming the value.
    package var message: String
    /// The next step for the finance operator or the mapping's author.
    package var hint: String

    /// Creates an error from its parts.
    package init(_ code: Code, mapping: String, pointer: JSONPointer, message: String, hint: String) {
        self.code = code
        self.mapping = mapping
        self.pointer = pointer
        self.message = message
        self.hint = hint
    }

    /// The failure class, from ``Code/failureClass``.
    package var failureClass: FailureClass { code.failureClass }

    /// `evaluate mapping NAME@VERSION at #POINTER: message; hint`.
    package var description: String {
        "evaluate mapping \(mapping) at #\(pointer): \(message); \(hint)"
    }

    /// The error in the form the runtime parks and reports.
    package var connectorError: ConnectorError {
        ConnectorError(failureClass, code: code.rawValue, message: "evaluate mapping \(mapping) at #\(pointer): \(message)", hint: hint)
    }
}
