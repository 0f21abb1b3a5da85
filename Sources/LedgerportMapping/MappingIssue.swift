import LedgerportSDK

/// One problem found while validating a mapping, with where it is and how to fix it.
package struct MappingIssue: Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, stable for tests and tools.
    package enum Code: String, Sendable, Hashable, CaseIterable {
        case invalidJSON = "invalid_json"
        case invalidDocument = "invalid_document"
        case unknownMember = "unknown_member"
        case unknownOperator = "unknown_operator"
        case unknownSourceField = "unknown_source_field"
        case typeMismatch = "type_mismatch"
        case policyRequired = "policy_required"
        case unknownVariable = "unknown_variable"
        case unknownLookup = "unknown_lookup"
        case lookupWithoutDefault = "lookup_without_default"
        case unknownExponentTable = "unknown_exponent_table"
        case unknownTimeZone = "unknown_time_zone"
        case unknownObjectType = "unknown_object_type"
        case unknownSchemaVersion = "unknown_schema_version"
        case unknownEventType = "unknown_event_type"
        case unknownConnector = "unknown_connector"
        case unsupportedConnectorVersion = "unsupported_connector_version"
        case unknownModel = "unknown_model"
        case unsupportedAction = "unsupported_action"
        case unknownTargetField = "unknown_target_field"
        case missingTargetField = "missing_target_field"
        case invalidExternalID = "invalid_external_id"
        case invalidValue = "invalid_value"
    }

    /// The kind of problem.
    package var code: Code
    /// The mapping file (or name, when it has no file) the problem is in.
    package var file: String
    /// The place of the problem in the mapping document.
    package var pointer: JSONPointer
    /// The problem, naming the value.
    package var message: String
    /// The change that fixes it.
    package var fix: String

    /// Creates an issue from its parts.
    package init(_ code: Code, file: String, pointer: JSONPointer, message: String, fix: String) {
        self.code = code
        self.file = file
        self.pointer = pointer
        self.message = message
        self.fix = fix
    }

    /// `FILE#POINTER: message; fix`, the pointer written as a URI fragment.
    package var description: String {
        "\(file)#\(pointer): \(message); \(fix)"
    }
}

/// A mapping that failed validation, with every problem found.
package struct MappingValidationError: Error, Sendable, CustomStringConvertible {
    /// The mapping file, or its name.
    package var file: String
    /// The problems, in document order.
    package var issues: [MappingIssue]

    /// A configuration failure: a person fixes the mapping.
    package var failureClass: FailureClass { .configuration }

    /// The file, the number of errors, and one line per issue.
    package var description: String {
        let count = issues.count == 1 ? "1 error" : "\(issues.count) errors"
        return "validate mapping \(file): \(count)\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
