import LedgerportMapping
import LedgerportSDK

/// `ledgerport mapping validate <file>...`: checks mappings before anything runs.
struct MappingValidateCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "validate",
        abstract: "Check mapping files against the canonical schemas and the target connector's spec.",
        discussion: """
            Checks each mapping's structure, every field path against the canonical object it \
            reads, the types of every expression, the lookups' defaults, the policies for \
            missing and null fields, and every operation against the target spec's required \
            fields. Each problem is printed on standard error as "<file>#<JSON pointer>: \
            <problem>; <fix>", and nothing stops at the first. A valid mapping is printed with \
            its name, version and the SHA-256 digest its published version keeps.
            """,
        examples: [
            .init("ledgerport mapping validate mappings/defaults/stripe_invoice_to_odoo.json", "Check one mapping."),
            .init("ledgerport mapping validate --json my-mapping.json", "Print the result as JSON for scripts."),
        ],
        exitStatuses: [
            (.ok, "every mapping is valid"),
            (.failure, "the connector specs cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "at least one mapping is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        SpecsOption.definition,
        .flag("json", help: "Print a JSON object with the members valid and mappings."),
        .positional("file", repeating: true, help: "A mapping file."),
    ]

    let files: [String]
    let specsOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        files = arguments.positionalList("file")
        specsOption = arguments.option(SpecsOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let environment = try MappingCommandSupport.environment(specsOption: specsOption, in: context).environment
        var results = [JSONValue]()
        var valid = true
        for file in files {
            do throws(CommandError) {
                let mapping = try MappingCommandSupport.mapping(file, environment: environment, in: context)
                results.append(["file": .string(file), "valid": true, "name": .string(mapping.name), "version": .string(mapping.version.description), "digest": .string(mapping.digest.description)])
                if !printsJSON {
                    context.standardOutput.writeLine("valid: \(file) (\(mapping.identity), \(mapping.digest))")
                }
            } catch {
                valid = false
                results.append(["file": .string(file), "valid": false, "errors": .string(error.message)])
                if !printsJSON {
                    context.standardError.writeLine(error.message)
                }
            }
        }
        if printsJSON {
            context.standardOutput.writeLine(JSONWriter.string(["valid": .bool(valid), "mappings": .array(results)], style: .pretty))
        }
        return valid ? .ok : .dataError
    }
}
