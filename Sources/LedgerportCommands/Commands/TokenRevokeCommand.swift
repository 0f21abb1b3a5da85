import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport token revoke`: revokes a token; requests with it get 401 from then on.
struct TokenRevokeCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "revoke",
        abstract: "Revoke an admin API token by id; it stops authenticating at once.",
        examples: [
            .init("ledgerport token revoke <id> --tenant acme", "Revoke one of the tenant's tokens."),
        ],
        exitStatuses: [
            (.ok, "the token was revoked"),
            (.failure, "the token is unknown or already revoked, or the tenant or database is unavailable"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The token id, from \"ledgerport token list\"."),
        .option("tenant", value: "slug", help: "The tenant of the token. Default: none, a platform token."),
        ActorOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: APITokenID
    let tenantSlug: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = APITokenID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = arguments.option("tenant")
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let token = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            var tenant: TenantID?
            if let tenantSlug {
                tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store).id
            }
            return try await AdminCommandSupport.translatingErrors {
                try await store.revokeAPIToken(id, tenant: tenant, actor: actor)
            }
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.token(token, tenantSlug: tenantSlug), in: context)
        } else {
            context.standardOutput.writeLine("revoked token \(token.id) (\(token.role.rawValue), \(token.name))")
        }
        return .ok
    }
}
