import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request apply`: activates the mapping version of an approved request.
struct ChangeRequestApplyCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "apply",
        abstract: "Apply an approved change request: activate its mapping version in its environment.",
        discussion: """
            A running `ledgerport serve` on the same data folder pins the newly active version \
            on new deliveries after its next periodic reload of the flows, within 5 seconds.
            """,
        examples: [
            .init("ledgerport change-request apply <id> --tenant acme --as revops@acme.example", "Activate the approved version."),
        ],
        exitStatuses: [
            (.ok, "the version is active"),
            (.failure, "the request is not approved, or the tenant or database is unavailable"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The change request id."),
        AdminCommandSupport.tenantDefinition,
        ActorOption.governanceDefinition(recordedAs: "the person who applied the request"),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: ChangeRequestID
    let tenantSlug: String
    let actor: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = ChangeRequestID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        actor = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actor, in: context, for: .governance)
        let activation = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await ChangeRequestWorkflow(store: store).apply(id, tenant: tenant.id, actor: actor)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.activation(activation), in: context)
        } else {
            context.standardOutput.writeLine(
                "applied change request \(id): \(activation.mapping.mappingID) version \(activation.mapping.version) is active in \(activation.environment)")
        }
        return .ok
    }
}
