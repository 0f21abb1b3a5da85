import LedgerportMapping
import LedgerportRuntime
import LedgerportSDK

/// `ledgerport mapping list`: the default mappings shipped with Ledgerport, or a tenant's stored mappings.
struct MappingListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List the default mappings, or a tenant's mappings with their versions and where each is active.",
        discussion: """
            With --defaults, each default mapping's name, version and path. The path is the \
            file's place in the Ledgerport repository (mappings/defaults/); the JSON form also \
            gives the file the installed build reads. With --tenant, one row per stored version \
            of each of the tenant's mappings: its digest, who stored it and when, and the \
            environments where it is in force. "ledgerport mapping show" prints a version's document.
            """,
        examples: [
            .init("ledgerport mapping list --defaults", "Print a table of the default mappings."),
            .init("ledgerport mapping list --defaults --json", "Print them as JSON for scripts."),
            .init("ledgerport mapping list --tenant acme", "Print the tenant's mapping versions and the ones in force."),
        ],
        exitStatuses: [
            (.ok, "the mappings were listed"),
            (.failure, "the bundled default mappings cannot be read, the tenant is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .flag("defaults", help: "List the default mappings shipped with Ledgerport. Give this or --tenant."),
        .option("tenant", value: "slug", help: "List this tenant's stored mappings from the data folder. Give this or --defaults."),
        DataOption.definition,
        .flag("json", help: "Print a JSON object with the member mappings."),
    ]

    /// The origin of the listed mappings: the shipped defaults or a tenant's store.
    enum Source {
        case defaults
        case tenant(slug: String)
    }

    let source: Source
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        let hint = "run \"ledgerport mapping list --defaults\" for the shipped mappings, or \"ledgerport mapping list --tenant acme\" for a tenant's"
        switch (arguments.flag("defaults"), arguments.option("tenant")) {
        case (true, nil):
            source = .defaults
        case (false, let slug?) where !slug.isEmpty:
            source = .tenant(slug: slug)
        case (true, _?):
            throw .usage("mapping list takes --defaults or --tenant, not both", hint: hint)
        case (false, _):
            throw .usage("mapping list needs --defaults or --tenant", hint: hint)
        }
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        switch source {
        case .defaults:
            try listDefaults(in: context)
        case .tenant(let slug):
            try await listMappings(ofTenant: slug, in: context)
        }
        return .ok
    }

    private func listDefaults(in context: CommandContext) throws {
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
            AdminCommandSupport.printJSON(["mappings": .array(mappings)], in: context)
            return
        }
        var rows = [["NAME", "VERSION", "PATH"]]
        rows += entries.map { [$0.name, $0.version, $0.repositoryPath] }
        AdminCommandSupport.printTable(rows, in: context)
    }

    private func listMappings(ofTenant slug: String, in context: CommandContext) async throws {
        let overviews = try await AdminCommandSupport.withTenant(dataOption, slug: slug, in: context) { store, tenant in
            try await MappingOverview.list(tenant: tenant.id, store: store)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(["mappings": .array(overviews.map(AdminJSON.mappingOverview))], in: context)
            return
        }
        guard !overviews.isEmpty else {
            context.standardOutput.writeLine("tenant \(slug) has no mappings; publish one with \"ledgerport mapping publish\"")
            return
        }
        AdminCommandSupport.printTable(MappingVersionTable.rows(overviews), in: context)
    }
}
