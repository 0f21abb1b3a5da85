import Foundation
import LedgerportJSONSchema
import LedgerportSDK

/// Reads connector spec files, validates them against the spec schema, decodes and lints them.
///
/// For each file, in order: parse the JSON (`json_syntax`), check that the path
/// is `<id>/<version>.json` for the id and version inside (`file_path`),
/// validate against `connector-spec.schema.json`, then, when the schema found
/// nothing, decode a ``ConnectorSpec`` and run ``SpecLinter``. Across files,
/// an `id@version` defined twice is a `duplicate_connector` issue. Every issue
/// names the file and the JSON Pointer of the problem; nothing stops at the first.
///
/// Loading reads files synchronously; call it at startup or from a command,
/// not from a latency-sensitive task.
package struct SpecLoader: Sendable {
    /// The file name of the spec schema inside a specs folder.
    package static let schemaFileName = "connector-spec.schema.json"

    /// The schema every spec is validated against.
    package let specSchema: JSONSchema

    package init(specSchema: JSONSchema) {
        self.specSchema = specSchema
    }

    /// Loads the spec schema from `connector-spec.schema.json` in a specs folder.
    package init(specsDirectory: String) throws(SpecLoaderError) {
        let path = (specsDirectory as NSString).appendingPathComponent(SpecLoader.schemaFileName)
        let document = try SpecLoader.parseSchemaFile(path)
        do throws(JSONSchemaLoadError) {
            self.init(specSchema: try JSONSchema(document: document, file: path))
        } catch {
            throw .invalidSchema(path: path, issues: error.issues)
        }
    }

    /// Loads every spec file under a specs folder (`<folder>/<id>/<version>.json`).
    package func loadDirectory(_ directory: String) -> SpecLoadResult {
        load(paths: [directory])
    }

    /// Loads the given spec files, and every `.json` file below the given folders except
    /// the spec schema itself. Paths that do not exist are issues of rule `file_not_found`.
    package func load(paths: [String]) -> SpecLoadResult {
        var result = SpecLoadResult()
        for path in paths {
            let files = SpecFileWalker.specFiles(at: path)
            if files.isEmpty, !SpecFileWalker.isDirectory(path) {
                result.files.append(path)
                result.issues.append(ValidationIssue(file: path, pointer: .root, rule: "file_not_found", message: "no file or folder exists at this path", fix: "check the path, or run the command from the repository root"))
            }
            for file in files {
                result.files.append(file)
                let (spec, issues) = loadFile(file)
                result.issues += issues
                if let spec {
                    result.specs.append(spec)
                }
            }
        }
        result.issues += duplicateIssues(in: result.specs)
        result.specs = deduplicated(result.specs).sorted { ($0.spec.id, $0.spec.version) < ($1.spec.id, $1.spec.version) }
        return result
    }

    /// Loads one spec file. Returns the spec when the file has no issue, and the issues found.
    package func loadFile(_ file: String) -> (LoadedSpec?, [ValidationIssue]) {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            return (nil, [ValidationIssue(file: file, pointer: .root, rule: "file_not_found", message: "the file cannot be read", fix: "check that it exists and is readable")])
        }
        return load(bytes: Array(bytes), file: file)
    }

    /// Loads a spec from JSON bytes; `file` names it in issues and is checked against the id and version.
    package func load(bytes: [UInt8], file: String) -> (LoadedSpec?, [ValidationIssue]) {
        let document: JSONValue
        do throws(JSONParseError) {
            document = try JSONParser.parse(bytes)
        } catch {
            return (nil, [ValidationIssue(file: file, pointer: .root, rule: "json_syntax", message: error.description, fix: "correct the JSON at line \(error.line), column \(error.column)")])
        }

        var issues = SpecFilePath.issues(file: file, document: document)
        let schemaIssues = specSchema.validate(document, file: file)
        issues += schemaIssues
        guard schemaIssues.isEmpty else {
            return (nil, issues)
        }

        let spec: ConnectorSpec
        do {
            spec = try JSONValueDecoder().decode(ConnectorSpec.self, from: document)
        } catch {
            return (nil, issues + [ValidationIssue(file: file, pointer: .root, rule: "decode", message: "the spec passed its schema but does not decode: \(error)", fix: "report this as a bug in the spec schema, which should have rejected the file")])
        }

        var linter = SpecLinter(spec: spec, document: document, file: file)
        linter.lint()
        issues += linter.issues
        guard issues.isEmpty else {
            return (nil, issues)
        }
        let loaded = LoadedSpec(spec: spec, file: file, document: document, objectSchemas: linter.objectSchemas, payloadSchema: linter.payloadSchema)
        return (loaded, [])
    }

    // MARK: - Helpers

    private func duplicateIssues(in specs: [LoadedSpec]) -> [ValidationIssue] {
        var firstFile: [String: String] = [:]
        var issues: [ValidationIssue] = []
        for loaded in specs {
            guard let first = firstFile[loaded.reference] else {
                firstFile[loaded.reference] = loaded.file
                continue
            }
            issues.append(ValidationIssue(
                file: loaded.file, pointer: .root, rule: "duplicate_connector",
                message: "\(loaded.reference) is also defined in \(first)",
                fix: "keep one file per id and version; give a changed spec a new version"
            ))
        }
        return issues
    }

    private func deduplicated(_ specs: [LoadedSpec]) -> [LoadedSpec] {
        var seen = Set<String>()
        return specs.filter { seen.insert($0.reference).inserted }
    }

    private static func parseSchemaFile(_ path: String) throws(SpecLoaderError) -> JSONValue {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw .schemaNotFound(path: path)
        }
        do throws(JSONParseError) {
            return try JSONParser.parse(Array(bytes))
        } catch {
            throw .invalidSchema(path: path, issues: [ValidationIssue(file: path, pointer: .root, rule: "json_syntax", message: error.description, fix: "correct the JSON")])
        }
    }
}

/// The reason the spec schema itself could not be loaded.
package enum SpecLoaderError: Error, Sendable, CustomStringConvertible {
    case schemaNotFound(path: String)
    case invalidSchema(path: String, issues: [ValidationIssue])

    package var description: String {
        switch self {
        case .schemaNotFound(let path):
            return "load spec schema \(MessageText.quote(path)): the file cannot be read; point --specs or LEDGERPORT_SPECS_DIR at the connector-specs folder"
        case .invalidSchema(let path, let issues):
            return "load spec schema \(MessageText.quote(path)): \(issues.count) problems\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
        }
    }
}
