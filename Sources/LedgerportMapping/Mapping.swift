import Foundation
import LedgerportSDK

/// A validated mapping: a versioned JSON document that turns canonical events
/// into target operations.
///
/// A `Mapping` exists only after validation passed, so evaluation never meets
/// an unknown field, operator or lookup. Create one with ``init(document:file:environment:)``
/// or ``load(contentsOf:environment:)``; evaluate it with ``MappingEvaluator``.
package struct Mapping: Sendable {
    /// The file the mapping was read from, or its name, for messages.
    package var file: String
    /// The mapping's snake_case name, such as `stripe_invoice_to_odoo`.
    package var name: String
    /// The mapping's semantic version; a published version never changes.
    package var version: SemanticVersion
    /// The mapping's description for reviewers.
    package var summary: String
    /// The canonical object and events the mapping reads.
    package var source: MappingSource
    /// The connector and models the mapping writes.
    package var target: MappingTarget
    /// The lookup tables by name.
    package var lookups: [String: LookupTable]
    /// The operations, in the order they are sent.
    package var operations: [OperationTemplate]
    /// The document as read, the content that ``digest`` covers.
    package var document: JSONValue
    /// SHA-256 of the document's canonical JSON.
    package var digest: MappingDigest

    /// Validates `document` and builds the mapping, or throws ``MappingValidationError`` with every problem found.
    package init(document: JSONValue, file: String, environment: ValidationEnvironment) throws(MappingValidationError) {
        var compiler = MappingCompiler(file: file, environment: environment)
        guard let mapping = compiler.compile(document), compiler.issues.isEmpty else {
            throw MappingValidationError(file: file, issues: compiler.issues)
        }
        self = mapping
    }

    /// Creates a mapping from parts that validation already checked, and computes its digest.
    package init(
        file: String, name: String, version: SemanticVersion, summary: String, source: MappingSource,
        target: MappingTarget, lookups: [String: LookupTable], operations: [OperationTemplate], document: JSONValue
    ) {
        self.file = file
        self.name = name
        self.version = version
        self.summary = summary
        self.source = source
        self.target = target
        self.lookups = lookups
        self.operations = operations
        self.document = document
        self.digest = MappingDigest(of: document)
    }

    /// Reads and validates a mapping file. Unreadable files and invalid JSON are reported as issues at the document root.
    /// `file` names the mapping in messages; it defaults to the file's path.
    package static func load(contentsOf url: URL, file: String? = nil, environment: ValidationEnvironment) throws(MappingValidationError) -> Mapping {
        let file = file ?? url.path
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw MappingValidationError(file: file, issues: [
                MappingIssue(.invalidDocument, file: file, pointer: .root, message: "cannot read the file: \(error.localizedDescription)", fix: "check the path and its permissions")
            ])
        }
        return try parse(bytes, file: file, environment: environment)
    }

    /// Parses JSON bytes and validates the mapping they hold.
    package static func parse(_ bytes: [UInt8], file: String, environment: ValidationEnvironment) throws(MappingValidationError) -> Mapping {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw MappingValidationError(file: file, issues: [
                MappingIssue(.invalidJSON, file: file, pointer: .root, message: "the file is not valid JSON: \(error)", fix: "fix the JSON syntax at the position shown")
            ])
        }
        return try Mapping(document: document, file: file, environment: environment)
    }

    /// `name@version`, as deliveries record it.
    package var identity: String { "\(name)@\(version)" }
}

/// The source side of a mapping: one canonical object type at one schema version, and the event types it handles.
package struct MappingSource: Sendable {
    /// The canonical object type read.
    package var objectType: CanonicalObjectType
    /// The object's schema version that paths were checked against.
    package var schemaVersion: Int
    /// The canonical event types handled.
    package var eventTypes: [CanonicalEventType]
    /// The canonical schema of the object, which event documents are checked against before evaluation.
    package var schema: SchemaNode
}

/// The target side of a mapping: a target connector, the versions it works with, and the models it writes.
package struct MappingTarget: Sendable {
    /// The target connector id, such as `odoo`.
    package var connector: String
    /// The connector versions the mapping works with.
    package var versions: SemanticVersionRange
    /// Every model an operation writes.
    package var models: [String]
    /// The newest known connector version in the range, whose catalog the mapping was validated against.
    package var validatedAgainst: SemanticVersion
}

/// A lookup table: keys of the source (a price id, a tax code) to target values, with a declared default.
package struct LookupTable: Sendable {
    /// The table name.
    package var name: String
    /// The entries, source key to target value.
    ///
    /// A dictionary rather than a ``JSONObject``: its keys match by Unicode
    /// canonical equivalence, so a key the source sends decomposed (`u` and a
    /// combining diaeresis) still finds the entry written with `ü`.
    package var entries: [String: JSONValue]
    /// The policy for a key without an entry.
    package var fallback: FieldPolicy
    /// The type of the values, when every entry has the same JSON type.
    package var kind: ValueKind
}

/// One operation a mapping produces, once per event or once per element of an iteration.
package struct OperationTemplate: Sendable {
    /// The operation's name, unique in the mapping, used by diffs and errors.
    package var name: String
    /// The place of the operation in the document.
    package var pointer: JSONPointer
    /// The condition the operation is sent under, or nil to always send it.
    package var condition: Expression?
    /// The iteration that repeats the operation, or nil for one operation per event.
    package var iteration: Iteration?
    /// The operation's action, such as `upsert`.
    package var action: TargetAction
    /// The target model.
    package var model: String
    /// The external id of the record the operation creates or changes.
    package var externalID: Expression
    /// The target fields, by name.
    package var values: [String: Expression] {
        didSet { sortedValues = Self.sorted(values, fields: fields) }
    }
    /// The entries of ``values`` in field name order, the order evaluation runs them in, so it reports the same first error
    /// every time, each with its field's kind from ``fields``. Kept here so that evaluation neither sorts the names nor
    /// looks the fields up for every event.
    package private(set) var sortedValues: [(name: String, expression: Expression, kind: TargetFieldKind?)]
    /// The target catalog's description of each field, which evaluation uses to shape values (an integer quantity becomes a decimal).
    package var fields: TargetFields {
        didSet { sortedValues = Self.sorted(values, fields: fields) }
    }
    /// The amounts the target must hold after the operation.
    package var expectations: [ExpectationTemplate]

    package init(
        name: String, pointer: JSONPointer, condition: Expression?, iteration: Iteration?, action: TargetAction, model: String,
        externalID: Expression, values: [String: Expression], fields: TargetFields, expectations: [ExpectationTemplate]
    ) {
        self.name = name
        self.pointer = pointer
        self.condition = condition
        self.iteration = iteration
        self.action = action
        self.model = model
        self.externalID = externalID
        self.values = values
        self.fields = fields
        self.sortedValues = Self.sorted(values, fields: fields)
        self.expectations = expectations
    }

    private static func sorted(_ values: [String: Expression], fields: TargetFields) -> [(name: String, expression: Expression, kind: TargetFieldKind?)] {
        values.map { (name: $0.key, expression: $0.value, kind: fields[$0.key]?.kind) }.sorted { $0.name < $1.name }
    }
}

/// An amount the target must hold after the operation.
package struct ExpectationTemplate: Sendable {
    /// The amount field to read back, such as `amount_total`.
    package var field: String
    /// The expected amount.
    package var amount: Expression
}

/// The canonical schemas and target catalogs that validation checks a mapping against.
package struct ValidationEnvironment: Sendable {
    /// The canonical schemas paths are checked against.
    package var schemas: CanonicalSchemaRegistry
    /// The target catalogs operations are checked against.
    package var catalogs: TargetCatalogRegistry

    /// Creates an environment from schemas and catalogs.
    package init(schemas: CanonicalSchemaRegistry, catalogs: TargetCatalogRegistry) {
        self.schemas = schemas
        self.catalogs = catalogs
    }

}
