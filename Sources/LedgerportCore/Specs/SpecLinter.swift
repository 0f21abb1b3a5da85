import Foundation
import LedgerportJSONSchema
import LedgerportSDK

/// Checks what the spec schema cannot express, on a spec that already passed the schema.
///
/// Rules, each reported with its name as the issue's rule:
/// - `snake_case_keys`: every key the spec format defines is snake_case (object schemas,
///   payload schemas, examples and defaults keep the connected system's own names);
/// - `kind_sections`: a source has `event_types` and no `operations`, a target the reverse,
///   and the `webhooks` capability matches the presence of the `webhooks` section;
/// - configuration: `secret_example`, `secret_type`, `secret_field_name`, `secret_reference`,
///   `configuration_example`, `configuration_default` (see ``SpecLinter/lintConfiguration()``);
/// - `object_schema`, `payload_schema`: embedded schemas load as JSON Schemas;
/// - `duplicate_name`, `unknown_object`, `canonical_event_type`: names are unique and
///   cross-references resolve to this spec's objects and to known canonical event types;
/// - operations: `value_spec`, `expectation_field`, `pattern` (see ``SpecLinter/lintOperations()``).
///
/// The linter never stops at the first issue. It reports issues with the spec's file
/// and the JSON Pointer of the offending member.
struct SpecLinter {
    let spec: ConnectorSpec
    let document: JSONValue
    let file: String
    var issues: [ValidationIssue] = []
    /// The compiled schema of each object, by object name, for the objects whose schema loads.
    var objectSchemas: [String: JSONSchema] = [:]
    var payloadSchema: JSONSchema?

    init(spec: ConnectorSpec, document: JSONValue, file: String) {
        self.spec = spec
        self.document = document
        self.file = file
    }

    /// Runs every rule and collects the issues.
    mutating func lint() {
        issues += SpecKeyStyle.snakeCaseIssues(in: document, file: file)
        lintKindSections()
        lintAPIVersions()
        lintConfiguration()
        lintSecretReferences()
        lintObjects()
        lintEventTypes()
        lintOperations()
    }

    // MARK: - Kind

    private mutating func lintKindSections() {
        switch spec.kind {
        case .source:
            if document["event_types"] == nil {
                report(.root, "kind_sections", "a source spec has no \"event_types\"", fix: "list the native event types and the canonical event types each becomes")
            }
            if document["operations"] != nil {
                report(JSONPointer(tokens: ["operations"]), "kind_sections", "a source spec has \"operations\", which only targets have", fix: "remove \"operations\", or set \"kind\" to \"target\"")
            }
        case .target:
            if document["operations"] == nil {
                report(.root, "kind_sections", "a target spec has no \"operations\"", fix: "list the actions per model and the values each takes")
            }
            if document["event_types"] != nil {
                report(JSONPointer(tokens: ["event_types"]), "kind_sections", "a target spec has \"event_types\", which only sources have", fix: "remove \"event_types\", or set \"kind\" to \"source\"")
            }
        }

        let hasSection = spec.webhooks != nil
        if spec.capabilities.webhooks != hasSection {
            let fix = hasSection ? "set \"webhooks\" to true, or remove the \"webhooks\" section" : "describe the webhooks in a \"webhooks\" section, or set \"webhooks\" to false"
            report(JSONPointer(tokens: ["capabilities", "webhooks"]), "kind_sections", "the webhooks capability is \(spec.capabilities.webhooks) but the \"webhooks\" section is \(hasSection ? "present" : "missing")", fix: fix)
        }
    }

    private mutating func lintAPIVersions() {
        var seen = Set<String>()
        for (index, apiVersion) in spec.apiVersions.enumerated() where !seen.insert(apiVersion.version).inserted {
            report(JSONPointer(tokens: ["api_versions", String(index), "version"]), "duplicate_name", "API version \(MessageText.quote(apiVersion.version)) is listed twice", fix: "list each API version once")
        }
    }

    // MARK: - Reporting

    mutating func report(_ pointer: JSONPointer, _ rule: String, _ message: String, fix: String) {
        issues.append(ValidationIssue(file: file, pointer: pointer, rule: rule, message: message, fix: fix))
    }

    /// Adds the issues of an embedded schema that failed to load, with pointers into the spec file.
    mutating func reportEmbedded(_ loadIssues: [ValidationIssue], at base: JSONPointer, rule: String) {
        for issue in loadIssues {
            let pointer = JSONPointer(tokens: base.tokens + issue.pointer.tokens)
            report(pointer, rule, issue.message, fix: issue.fix)
        }
    }

    /// Returns the message for a regular expression that does not compile, or nil when it compiles.
    static func patternProblem(_ pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "pattern \(MessageText.quote(pattern)) is not a valid regular expression"
        }
    }
}
