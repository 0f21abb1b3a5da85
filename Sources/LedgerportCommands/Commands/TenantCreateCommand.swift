import LedgerportSDK
import LedgerportStore

/// `ledgerport tenant create`: creates a tenant with its `test` and `production` environments.
struct TenantCreateCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "create",
        abstract: "Create a tenant with the environments test and production.",
        discussion: """
            The slug names the tenant in URLs and commands: 1 to 63 characters of a-z, \
            0-9, '-' and '_'. The time zone is the IANA name scheduled flows of the tenant \
            run in. The data folder and its database are created when missing.
            """,
        examples: [
            .init("ledgerport tenant create acme --name \"Acme Ltd\" --time-zone Europe/Paris", "Create the tenant acme."),
            .init("ledgerport tenant create globex --data /var/lib/ledgerport --json", "Create a tenant in another data folder and print it as JSON."),
        ],
        exitStatuses: [
            (.ok, "the tenant was created"),
            (.failure, "the slug is taken, or the database cannot be opened"),
            (.usage, "the command line is invalid, or the slug, name or time zone is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("slug", help: "The tenant's slug, such as acme."),
        .option("name", value: "text", help: "The display name. Default: the slug."),
        .option("time-zone", value: "zone", help: "The IANA time zone, such as Europe/Paris. Default: UTC."),
        ActorOption.definition,
        DataOption.definition,
        .flag("json", help: "Print the created tenant as a JSON object."),
    ]

    let tenant: NewTenant
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        let slug = arguments.positional("slug") ?? ""
        tenant = NewTenant(slug: slug, displayName: arguments.option("name") ?? slug, timeZone: arguments.option("time-zone") ?? "UTC")
        do throws(StoreError) {
            try tenant.validate()
        } catch {
            throw .usage(error.message, hint: error.hint)
        }
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let created = try await DataOption.withStore(dataOption, in: context, creating: true) { store in
            try await StoreCommandSupport.translatingStoreErrors {
                try await store.createTenant(tenant, actor: actor)
            }
        }

        if printsJSON {
            context.standardOutput.writeLine(JSONWriter.string(TenantListCommand.json(for: created), style: .pretty))
        } else {
            context.standardOutput.writeLine(
                "created tenant \(created.slug) (id \(created.id), time zone \(created.timeZone), environments production and test)")
        }
        return .ok
    }
}
