import LedgerportSDK

/// Validates a mapping document and turns it into a ``Mapping``.
///
/// The compiler reads the whole document and records every problem as a
/// ``MappingIssue`` rather than stopping at the first, so one run of
/// `ledgerport mapping validate` lists everything to fix. Expressions are
/// type-checked against the canonical schema of the object the mapping reads
/// and against the target catalog of the connector it writes to.
struct MappingCompiler {
    static let formatVersion = 1
    private static let topLevelMembers: Set<String> = [
        "$schema", "mapping_format", "name", "version", "description", "source", "target", "exponent_tables",
        "lookups", "operations",
    ]

    let file: String
    let environment: ValidationEnvironment
    private(set) var issues = [MappingIssue]()

    /// The object schema of the mapping's source, once the header is read.
    var objectSchema: SchemaNode?
    var envelopeSchema: SchemaNode?
    var lookups = [String: LookupTable]()
    var exponentTables = ["iso4217": CurrencyExponentTable.iso4217]
    var catalog: TargetCatalog?
    var declaredModels = Set<String>()

    init(file: String, environment: ValidationEnvironment) {
        self.file = file
        self.environment = environment
    }

    /// Records a problem at `pointer`.
    mutating func report(_ code: MappingIssue.Code, at pointer: JSONPointer, _ message: String, fix: String) {
        issues.append(MappingIssue(code, file: file, pointer: pointer, message: message, fix: fix))
    }

    /// Compiles the document; returns nil when the header is too broken to go on.
    mutating func compile(_ document: JSONValue) -> Mapping? {
        guard case .object(let members) = document else {
            report(.invalidDocument, at: .root, "a mapping must be a JSON object, found \(document.typeName)", fix: "start from a default mapping in mappings/defaults")
            return nil
        }
        reportUnknownMembers(members, allowed: Self.topLevelMembers, at: .root)
        checkFormat(members["mapping_format"])
        let name = requireName(members["name"])
        let version = requireVersion(members["version"])
        let summary = requireString(members["description"], at: JSONPointer(tokens: ["description"]), expecting: "a description for reviewers")
        let source = compileSource(members["source"], at: JSONPointer(tokens: ["source"]))
        let target = compileTarget(members["target"], at: JSONPointer(tokens: ["target"]))
        compileExponentTables(members["exponent_tables"], at: JSONPointer(tokens: ["exponent_tables"]))
        compileLookups(members["lookups"], at: JSONPointer(tokens: ["lookups"]))
        guard let name, let version, let source, let target, let summary else {
            return nil
        }
        let operations = compileOperations(members["operations"], at: JSONPointer(tokens: ["operations"]), source: source)
        return Mapping(
            file: file, name: name, version: version, summary: summary, source: source, target: target,
            lookups: lookups, operations: operations, document: document
        )
    }

    /// Reports members of an object that the format does not define, with the closest known name.
    mutating func reportUnknownMembers(_ members: JSONObject, allowed: Set<String>, at pointer: JSONPointer) {
        for key in members.keys.sorted() where !allowed.contains(key) {
            report(.unknownMember, at: pointer.appending(key), "\"\(key)\" is not a member here", fix: Suggestion.fix(for: key, among: allowed, noun: "member"))
        }
    }

    private mutating func checkFormat(_ value: JSONValue?) {
        let pointer = JSONPointer(tokens: ["mapping_format"])
        guard let value else {
            report(.invalidDocument, at: pointer, "mapping_format is missing", fix: "add \"mapping_format\": \(Self.formatVersion)")
            return
        }
        guard value.intValue == Self.formatVersion else {
            report(.invalidDocument, at: pointer, "mapping_format \(value) is not supported; this build reads format \(Self.formatVersion)", fix: "set \"mapping_format\": \(Self.formatVersion)")
            return
        }
    }

    private mutating func requireName(_ value: JSONValue?) -> String? {
        let pointer = JSONPointer(tokens: ["name"])
        guard let text = requireString(value, at: pointer, expecting: "the mapping's name") else {
            return nil
        }
        guard Identifier.isSnakeCase(text) else {
            report(.invalidValue, at: pointer, "name \"\(text)\" is not snake_case", fix: "use lowercase letters, digits and underscores, starting with a letter, such as \"stripe_invoice_to_odoo\"")
            return nil
        }
        return text
    }

    private mutating func requireVersion(_ value: JSONValue?) -> SemanticVersion? {
        let pointer = JSONPointer(tokens: ["version"])
        guard let text = requireString(value, at: pointer, expecting: "a semantic version") else {
            return nil
        }
        guard let version = SemanticVersion(text) else {
            report(.invalidValue, at: pointer, "version \"\(text)\" is not a semantic version", fix: "write MAJOR.MINOR.PATCH, such as \"1.0.0\"")
            return nil
        }
        return version
    }

    /// Returns the string at `pointer`, or reports it missing or mistyped.
    mutating func requireString(_ value: JSONValue?, at pointer: JSONPointer, expecting content: String) -> String? {
        guard let value else {
            report(.invalidDocument, at: pointer, "\(pointer.tokens.last ?? "value") is missing", fix: "add \(content)")
            return nil
        }
        guard let text = value.stringValue, !text.isEmpty else {
            report(.typeMismatch, at: pointer, "expected a non-empty string but found \(value.typeName)", fix: "write \(content) as a string")
            return nil
        }
        return text
    }
}

/// Naming rules shared by the compiler.
enum Identifier {
    /// Whether `text` is lowercase letters, digits and underscores, starting with a letter.
    static func isSnakeCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
