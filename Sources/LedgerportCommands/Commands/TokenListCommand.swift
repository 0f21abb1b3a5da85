import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport token list`: the tokens of a tenant or of the platform, revoked ones included.
struct TokenListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List the tokens of a tenant, or the platform's, with their role and state; never the token itself.",
        examples: [
            .init("ledgerport token list --tenant acme", "List the tenant's tokens."),
            .init("ledgerport token list --json", "List the platform's tokens as JSON."),
        ],
        exitStatuses: [
            (.ok, "the tokens were listed"),
            (.failure, "the tenant is unknown or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .option("tenant", value: "slug", help: "The tenant whose tokens to list. Default: the platform's tokens."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = arguments.option("tenant")
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let tokens = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            var tenant: TenantID?
            if let tenantSlug {
                tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store).id
            }
            return try await AdminCommandSupport.translatingErrors { try await store.apiTokens(tenant: tenant) }
        }
        if printsJSON {
            AdminCommandSupport.printJSON(["tokens": .array(tokens.map { AdminJSON.token($0, tenantSlug: tenantSlug) })], in: context)
            return .ok
        }
        var rows = [["ID", "ROLE", "NAME", "CREATED AT", "REVOKED AT"]]
        rows += tokens.map {
            [$0.id.rawValue, $0.role.rawValue, $0.name, AdminJSON.timestampText($0.createdAt), $0.revokedAt.map(AdminJSON.timestampText) ?? "-"]
        }
        AdminCommandSupport.printTable(rows, in: context)
        return .ok
    }
}
