import LedgerportJSONSchema
import LedgerportSDK

/// A spec that loaded without issues, with the file it came from and its compiled schemas.
package struct LoadedSpec: Sendable {
    package let spec: ConnectorSpec
    /// The file as the loader was given it, such as `connector-specs/stripe/1.0.0.json`.
    package let file: String
    /// The spec as parsed, for digests and for printing.
    package let document: JSONValue
    /// The compiled schema of each object, by object name.
    package let objectSchemas: [String: JSONSchema]
    /// The compiled webhook payload schema, for sources with webhooks.
    package let payloadSchema: JSONSchema?

    /// The connector's `id@version`.
    package var reference: String {
        spec.reference
    }
}

/// The outcome of loading spec files: the specs that loaded, and every issue found.
package struct SpecLoadResult: Sendable {
    /// The specs without issues, sorted by id, then version.
    package var specs: [LoadedSpec]
    /// Every issue of every file, in file order.
    package var issues: [ValidationIssue]
    /// Every file checked, in the order checked.
    package var files: [String]

    package init(specs: [LoadedSpec] = [], issues: [ValidationIssue] = [], files: [String] = []) {
        self.specs = specs
        self.issues = issues
        self.files = files
    }

    /// Whether every file checked is a valid spec.
    package var isValid: Bool {
        issues.isEmpty
    }

    /// The files that have at least one issue.
    package var invalidFiles: [String] {
        let withIssues = Set(issues.compactMap(\.file))
        return files.filter(withIssues.contains)
    }
}
