import LedgerportCore
import LedgerportJSONSchema
import LedgerportSDK

/// `ledgerport spec validate <path>...`: checks spec files against the spec schema and the lint rules.
struct SpecValidateCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "validate",
        abstract: "Check connector spec files against the spec schema and the lint rules.",
        discussion: """
            Each path is a spec file or a folder; every .json file below a folder is checked, \
            except connector-spec.schema.json. A spec file must be named <id>/<version>.json \
            after the id and version inside it. The schema comes from the specs folder \
            (see --specs).

            Each problem is printed on standard error as "<file>: <JSON pointer>: <problem>; \
            <fix> [<rule>]", and nothing stops at the first problem.
            """,
        examples: [
            .init("ledgerport spec validate connector-specs", "Check every spec in the repository."),
            .init("ledgerport spec validate connector-specs/odoo/1.0.0.json", "Check one spec."),
            .init("ledgerport spec validate --json my-specs", "Check a partner's specs and print the result as JSON."),
        ],
        exitStatuses: [
            (.ok, "every file is a valid spec"),
            (.failure, "the specs folder or its schema cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "at least one file is not a valid spec"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        SpecsOption.definition,
        .flag("json", help: "Print the result as a JSON object with the members valid, files and issues."),
        .positional("path", repeating: true, help: "A spec file, or a folder searched for spec files."),
    ]

    let paths: [String]
    let specsOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        paths = arguments.positionalList("path")
        specsOption = arguments.option(SpecsOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let directory = try SpecsOption.locate(specsOption, in: context)
        let loader = try SpecsOption.loader(for: directory)
        let result = loader.load(paths: paths)

        if printsJSON {
            context.standardOutput.writeLine(JSONWriter.string(json(for: result), style: .pretty))
        } else {
            printText(result, context: context)
        }
        return result.isValid ? .ok : .dataError
    }

    private func printText(_ result: SpecLoadResult, context: CommandContext) {
        let referenceByFile = Dictionary(result.specs.map { ($0.file, $0.reference) }, uniquingKeysWith: { first, _ in first })
        for file in result.files {
            if let reference = referenceByFile[file], !result.invalidFiles.contains(file) {
                context.standardOutput.writeLine("valid: \(file) (\(reference))")
            }
        }
        for issue in result.issues {
            context.standardError.writeLine(issue.description)
        }

        let invalid = result.invalidFiles.count
        let files = result.files.count == 1 ? "1 file" : "\(result.files.count) files"
        if invalid == 0 {
            context.standardOutput.writeLine("\(files) checked, all valid")
        } else {
            let problems = result.issues.count == 1 ? "1 problem" : "\(result.issues.count) problems"
            context.standardError.writeLine("\(files) checked, \(invalid) invalid with \(problems)")
        }
    }

    private func json(for result: SpecLoadResult) -> JSONValue {
        let referenceByFile = Dictionary(result.specs.map { ($0.file, $0.reference) }, uniquingKeysWith: { first, _ in first })
        let invalid = Set(result.invalidFiles)
        let files: [JSONValue] = result.files.map { file in
            var entry: JSONObject = ["file": .string(file), "valid": .bool(!invalid.contains(file))]
            if let reference = referenceByFile[file], !invalid.contains(file) {
                entry["connector"] = .string(reference)
            }
            return .object(entry)
        }
        return ["valid": .bool(result.isValid), "files": .array(files), "issues": .array(result.issues.map(\.json))]
    }
}
