import LedgerportSDK
import LedgerportStore

/// `ledgerport tenant list`: lists every tenant of the data folder.
struct TenantListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List the tenants by slug.",
        examples: [
            .init("ledgerport tenant list", "Print a table of the tenants."),
            .init("ledgerport tenant list --json", "Print the tenants as a JSON object for scripts."),
        ],
        exitStatuses: [
            (.ok, "the tenants were listed"),
            (.failure, "the database is missing or cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        DataOption.definition,
        .flag("json", help: "Print a JSON object with the member tenants."),
    ]

    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let tenants = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            try await StoreCommandSupport.translatingStoreErrors { try await store.tenants() }
        }

        if printsJSON {
            let document: JSONValue = ["tenants": .array(tenants.map(Self.json))]
            context.standardOutput.writeLine(JSONWriter.string(document, style: .pretty))
            return .ok
        }
        var rows = [["SLUG", "NAME", "TIME ZONE", "ID"]]
        rows += tenants.map { [$0.slug, $0.displayName, $0.timeZone, $0.id.rawValue] }
        for line in TextTable.lines(rows) {
            context.standardOutput.writeLine(line)
        }
        return .ok
    }

    /// Returns the JSON object of a tenant, as `tenant create --json` and `tenant list --json` print it.
    static func json(for tenant: Tenant) -> JSONValue {
        [
            "id": .string(tenant.id.rawValue),
            "slug": .string(tenant.slug),
            "display_name": .string(tenant.displayName),
            "time_zone": .string(tenant.timeZone),
            "created_at": .string(StoreCommandSupport.timestamp(tenant.createdAt)),
        ]
    }
}
