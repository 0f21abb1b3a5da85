import LedgerportConnectors
import LedgerportCore
import LedgerportSDK

/// `ledgerport spec list`: lists the connector specs of the specs folder.
struct SpecListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List the connector specs with their kind, stability and whether this build implements them.",
        discussion: """
            Invalid spec files are left out of the list and their problems are printed on \
            standard error; run "ledgerport spec validate" for the details.
            """,
        examples: [
            .init("ledgerport spec list", "Print a table of the specs."),
            .init("ledgerport spec list --json", "Print the specs as a JSON object for scripts."),
            .init("ledgerport spec list --specs ../connector-specs", "List the specs of another folder."),
        ],
        exitStatuses: [
            (.ok, "every spec file is valid"),
            (.failure, "the specs folder or its schema cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "at least one spec file is invalid; the valid ones are listed"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        SpecsOption.definition,
        .flag("json", help: "Print a JSON object with the members specs_directory and specs, each spec with its configuration fields."),
    ]

    let specsOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        specsOption = arguments.option(SpecsOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let directory = try SpecsOption.locate(specsOption, in: context)
        let result = try SpecsOption.loader(for: directory).loadDirectory(directory.path)
        let builtIn = Set(BuiltinConnectors.all.map { "\($0.id)@\($0.version)" })

        if printsJSON {
            let specs = result.specs.map { json(for: $0, builtIn: builtIn.contains($0.reference)) }
            let document: JSONValue = ["specs_directory": .string(directory.path), "specs": .array(specs)]
            context.standardOutput.writeLine(JSONWriter.string(document, style: .pretty))
        } else {
            printTable(result.specs, builtIn: builtIn, context: context)
        }
        for issue in result.issues {
            context.standardError.writeLine(issue.description)
        }
        return result.isValid ? .ok : .dataError
    }

    private func printTable(_ specs: [LoadedSpec], builtIn: Set<String>, context: CommandContext) {
        var rows = [["ID", "VERSION", "KIND", "STABILITY", "BUILT IN", "NAME"]]
        for loaded in specs {
            let spec = loaded.spec
            rows.append([spec.id, spec.version.description, spec.kind.rawValue, spec.stability.rawValue, builtIn.contains(loaded.reference) ? "yes" : "no", spec.name])
        }
        for line in TextTable.lines(rows) {
            context.standardOutput.writeLine(line)
        }
    }

    private func json(for loaded: LoadedSpec, builtIn: Bool) -> JSONValue {
        let spec = loaded.spec
        return [
            "id": .string(spec.id),
            "version": .string(spec.version.description),
            "name": .string(spec.name),
            "kind": .string(spec.kind.rawValue),
            "publisher": .string(spec.publisher),
            "stability": .string(spec.stability.rawValue),
            "summary": .string(spec.summary),
            "file": .string(loaded.file),
            "built_in": .bool(builtIn),
            "objects": .array(spec.objects.map { .string($0.name) }),
            "capabilities": .array(spec.capabilities.enabledNames.map { .string($0) }),
            "configuration": .array(spec.configuration.sorted { $0.key < $1.key }.map { Self.field($0.key, $0.value) }),
        ]
    }

    /// Returns a configuration field as `connection create` reads it: secret fields go in `--secrets-file`, the others in `--config`.
    private static func field(_ name: String, _ field: ConfigurationFieldSpec) -> JSONValue {
        var object: JSONObject = [
            "name": .string(name), "type": .string(field.type.rawValue), "required": .bool(field.required), "secret": .bool(field.secret),
            "description": .string(field.description), "example": field.example,
        ]
        if let defaultValue = field.defaultValue {
            object["default"] = defaultValue
        }
        return .object(object)
    }
}
