import LedgerportSDK

/// One problem found in a document: where it is, which rule it breaks, and what would fix it.
///
/// Schema validation, schema loading and the spec linter all report problems
/// as issues, so every problem is printed in one format:
///
///     connector-specs/stripe/1.0.0.json: /kind: value "sink" is not allowed; expected one of "source", "target" [enum at #/properties/kind/enum]
///
/// ``pointer`` names the place in the document being checked. For an issue
/// found while loading a schema, the document is the schema itself.
package struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file the document came from, as the caller named it; nil for a document without a file.
    package var file: String?
    /// The place in the checked document.
    package var pointer: JSONPointer
    /// The broken rule: a schema keyword (`required`, `enum`) or a lint rule (`snake_case_keys`).
    package var rule: String
    /// The schema keyword that failed (`/properties/kind/enum`), for issues found by schema validation.
    package var schemaLocation: JSONPointer?
    /// The problem, naming the offending value.
    package var message: String
    /// The change that would fix it, such as `add the required property "version"`.
    package var fix: String

    package init(
        file: String?, pointer: JSONPointer, rule: String, schemaLocation: JSONPointer? = nil,
        message: String, fix: String
    ) {
        self.file = file
        self.pointer = pointer
        self.rule = rule
        self.schemaLocation = schemaLocation
        self.message = message
        self.fix = fix
    }

    /// The pointer as people read it: `/objects/0/name`, or `(root)` for the whole document.
    package var pointerText: String {
        pointer.tokens.isEmpty ? "(root)" : pointer.description
    }

    /// One line: `file: pointer: message; fix [rule at #schema-location]`.
    package var description: String {
        let place = file.map { "\($0): " } ?? ""
        let ruleText = schemaLocation.map { "\(rule) at #\($0)" } ?? rule
        return "\(place)\(pointerText): \(message); \(fix) [\(ruleText)]"
    }

    /// The issue as a JSON object for `--json` output.
    package var json: JSONValue {
        var members: JSONObject = [
            "pointer": .string(pointer.description),
            "rule": .string(rule),
            "message": .string(message),
            "fix": .string(fix),
        ]
        if let file {
            members["file"] = .string(file)
        }
        if let schemaLocation {
            members["schema_location"] = .string("#" + schemaLocation.description)
        }
        return .object(members)
    }
}

extension ValidationIssue: Comparable {
    /// Orders issues by file, then by place in the document, so listings are stable.
    package static func < (lhs: ValidationIssue, rhs: ValidationIssue) -> Bool {
        if lhs.file != rhs.file {
            return (lhs.file ?? "") < (rhs.file ?? "")
        }
        if lhs.pointer != rhs.pointer {
            return lhs.pointer.tokens.lexicographicallyPrecedes(rhs.pointer.tokens)
        }
        return (lhs.rule, lhs.message) < (rhs.rule, rhs.message)
    }
}
