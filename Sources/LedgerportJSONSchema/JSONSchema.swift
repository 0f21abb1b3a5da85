import LedgerportSDK

/// A loaded JSON Schema that validates documents and reports every problem with its place and fix.
///
/// Ledgerport validates connector specs, the object schemas inside them and
/// mappings with this type. It implements the subset of JSON Schema (draft
/// 2020-12 keyword names) listed in docs/json-schema.md:
///
/// - `type` (with `integer` for whole numbers, and arrays of types), `enum`, `const`;
/// - objects: `properties`, `required`, `additionalProperties` (boolean or schema), `propertyNames`;
/// - arrays: `items` (one schema), `minItems`, `maxItems`, `uniqueItems`;
/// - numbers: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, compared exactly
///   as decimals, never as floating point;
/// - strings: `minLength` and `maxLength` counted in Unicode scalars (code points), `pattern`
///   as an unanchored ICU regular expression (`NSRegularExpression`), and `format` for
///   `date`, `date-time`, `email` and `uri` (see ``StringFormat``);
/// - `allOf`, `anyOf`, `oneOf`, and local `$ref` (`#/$defs/name`, `#/definitions/name` or any
///   local JSON Pointer), evaluated together with the keywords beside it;
/// - annotations accepted and ignored: `$schema`, `$id`, `$comment`, `title`, `description`,
///   `default`, `examples`, `deprecated`, and any keyword starting with `x-`.
///
/// Loading rejects any other keyword, so a typo such as `"requried"` fails
/// loudly instead of silently allowing everything. Validation never stops at
/// the first problem. When `anyOf` or `oneOf` fails, the issues of the closest
/// alternative follow a summary issue: the alternative with no type mismatch
/// at the value itself, then the fewest `const` and `enum` mismatches, then the
/// fewest issues.
///
/// A schema is an immutable value and safe to share between tasks.
package struct JSONSchema: Sendable {
    let nodes: [SchemaNode]
    let rootIndex: Int
    /// The file the schema came from, for issues found while loading it.
    package let file: String?

    /// Loads a schema document.
    ///
    /// - Throws: ``JSONSchemaLoadError`` listing every unknown keyword, invalid
    ///   keyword value, bad regular expression and unresolved or looping `$ref`.
    package init(document: JSONValue, file: String? = nil) throws(JSONSchemaLoadError) {
        var compiler = SchemaCompiler(document: document, file: file)
        let root = compiler.compileDocument()
        guard compiler.issues.isEmpty else {
            throw JSONSchemaLoadError(issues: compiler.issues)
        }
        self.nodes = compiler.nodes
        self.rootIndex = root
        self.file = file
    }

    /// Validates `instance` and returns every issue found, in document order; empty when it is valid.
    ///
    /// - Parameter file: the file the instance came from, copied into each issue.
    package func validate(_ instance: JSONValue, file: String? = nil) -> [ValidationIssue] {
        var validator = SchemaValidator(nodes: nodes, file: file)
        validator.validate(instance, against: rootIndex, at: .root)
        return validator.issues
    }

    /// Returns whether `instance` is valid against this schema.
    package func accepts(_ instance: JSONValue) -> Bool {
        validate(instance).isEmpty
    }
}

/// The problems that kept a schema document from loading.
package struct JSONSchemaLoadError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, each pointing into the schema document.
    package let issues: [ValidationIssue]

    package var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return "load JSON Schema: \(issues.count) \(noun)\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
    }
}
