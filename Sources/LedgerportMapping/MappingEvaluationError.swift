import LedgerportSDK

/// Why a mapping could not turn an event into operations.
///
/// Most failures are about the event's data (a field the mapping rejects when
/// missing, a price with no product in a lookup, amounts in two currencies)
/// and are ``FailureClass/business``: the delivery is parked for a finance
/// operator. An event the mapping does not handle and a broken context are
/// ``FailureClass/configuration``.
package struct MappingEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is, stable for tests and dashboards.
    package enum Code: String, Sendable, Hashable {
        case eventNotHandled = "mapping_event_not_handled"
        case invalidEvent = "mapping_invalid_event"
        case invalidContext = "mapping_invalid_context"
        case fieldRejected = "mapping_field_rejected"
        case lookupMiss = "mapping_lookup_miss"
        case invalidValue = "mapping_invalid_value"
        case arithmetic = "mapping_arithmetic"
        case invalidExternalID = "mapping_invalid_external_id"

        /// Who acts next for this kind of failure.
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
    /// What failed, on which value.
    package var message: String
    /// What to do about it.
    package var hint: String

    /// Creates an error from its parts.
    package init(_ code: Code, mapping: String, pointer: JSONPointer, message: String, hint: String) {
        self.code = code
        self.mapping = mapping
        self.pointer = pointer
        self.message = message
        self.hint = hint
    }

    /// Who acts next: see ``Code/failureClass``.
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
