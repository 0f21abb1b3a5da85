import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport token create`: creates an admin API token and prints it once.
struct TokenCreateCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "create",
        abstract: "Create an admin API token for a tenant or the platform and print it once.",
        discussion: """
            The token is printed on standard output and never again: the database keeps only \
            its SHA-256, and nothing is logged. Name the token after the person holding it \
            (their email address), because the name is the actor in the audit log and the \
            reviewer of the token's change-request decisions.
            """,
        examples: [
            .init("ledgerport token create --tenant acme --role viewer --name auditor@acme.example", "Create a read-only token."),
            .init("ledgerport token create --role operator --name ops@example.com --json", "Create a platform operator's token."),
        ],
        exitStatuses: [
            (.ok, "the token was created and printed"),
            (.failure, "the tenant is unknown or the database cannot be opened"),
            (.usage, "the command line is invalid, or the role does not fit the scope"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .option("tenant", value: "slug", help: "The tenant the token may act on. Default: none, a platform token."),
        .option("role", value: "role", help: "operator (platform), tenant_admin, finance_operator, board_member or viewer. Required.", required: true),
        .option("name", value: "text", help: "The person holding the token, such as finance@acme.example. Required.", required: true),
        ActorOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String?
    let role: APIRole
    let name: String
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = arguments.option("tenant")
        guard let role = try AdminCommandSupport.enumOption(arguments, "role", as: APIRole.self) else {
            throw .usage("missing option --role", hint: "use one of \(APIRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if (role == .operator_) != (tenantSlug == nil) {
            throw .usage(
                "role \(role.rawValue) does not fit a \(tenantSlug == nil ? "platform" : "tenant") token",
                hint: "operator tokens have no --tenant; tenant tokens take another role")
        }
        self.role = role
        guard let name = arguments.option("name") else {
            throw .usage("missing option --name", hint: "name the person holding the token, such as --name finance@acme.example")
        }
        self.name = name
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let (record, secret) = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            var tenant: TenantID?
            if let tenantSlug {
                tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store).id
            }
            return try await AdminCommandSupport.translatingErrors {
                try await APITokenService(store: store).create(tenant: tenant, role: role, name: name, actor: actor)
            }
        }
        if printsJSON {
            guard case .object(var object) = AdminJSON.token(record, tenantSlug: tenantSlug) else { preconditionFailure("a token's JSON is an object") }
            object["token"] = .string(secret.revealText())
            AdminCommandSupport.printJSON(.object(object), in: context)
            return .ok
        }
        context.standardOutput.writeLine(secret.revealText())
        context.standardError.writeLine("created token \(record.id) (\(role.rawValue), \(name)); it is shown only this once")
        return .ok
    }
}
