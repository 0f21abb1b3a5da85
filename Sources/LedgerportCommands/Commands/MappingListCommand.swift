import LedgerportMapping
import LedgerportSDK

/// `ledgerport mapping list --defaults`: lists the default mappings shipped with Ledgerport.
struct MappingListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List the default mappings shipped with Ledgerport, with name, version and path.",
        discussion: """
            The path is the file's place in the Ledgerport repository (mappings/defaults/); \
            the JSON form also gives the file the installed build reads. Tenants' own mapping \
            versions live in the store, not here.
            """,
        examples: [
            .init("ledgerport mapping list --defaults", "Print a table of the default mappings."),
            .init("ledgerport mapping list --defaults --json", "Print them as JSON for scripts."),
        ],
        exitStatuses: [
            (.ok, "the mappings were listed"),
            (.failure, "the bundled default mappings cannot be read"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .flag("defaults", help: "List the default mappings; required, as tenants' mappings are listed through the store."),
        .flag("json", help: "Print a JSON object with the member mappings."),
    ]

    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        guard arguments.flag("defaults") else {
            throw .usage("mapping list needs --defaults", hint: "run \"ledgerport mapping list --defaults\"")
        }
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let entries: [DefaultMappings.Entry]
        do {
            entries = try DefaultMappings.list()
        } catch {
            throw CommandError.failure("list the default mappings: \(error)", hint: "reinstall or rebuild ledgerport")
        }
        if printsJSON {
            let mappings: [JSONValue] = entries.map { entry in
                ["name": .string(entry.name), "version": .string(entry.version), "path": .string(entry.repositoryPath), "file": .string(entry.url.path)]
            }
            context.standardOutput.writeLine(JSONWriter.string(["mappings": .array(mappings)], style: .pretty))
            return .ok
        }
        var rows = [["NAME", "VERSION", "PATH"]]
        rows += entries.map { [$0.name, $0.version, $0.repositoryPath] }
        for line in TextTable.lines(rows) {
            context.standardOutput.writeLine(line)
        }
        return .ok
    }
}
