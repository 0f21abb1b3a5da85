import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request withdraw`: closes an open request; only its proposer may.
struct ChangeRequestWithdrawCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "withdraw",
        abstract: "Withdraw an open change request you proposed.",
        discussion: """
            Only the proposer may withdraw a request, and only while it is open. A withdrawn \
            request stays in the list and the audit log; propose again to reopen the change.
            """,
        examples: [
            .init("ledgerport change-request withdraw <id> --tenant acme --as revops@acme.example", "Withdraw your proposal."),
        ],
        exitStatuses: [
            (.ok, "the request is withdrawn"),
            (.failure, "the request is not open, another person proposed it, or the tenant or database is unavailable"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The change request id."),
        AdminCommandSupport.tenantDefinition,
        ActorOption.governanceDefinition(recordedAs: "the proposer withdrawing the request"),
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
        let request = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await ChangeRequestWorkflow(store: store).withdraw(id, tenant: tenant.id, actor: actor)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.changeRequest(request), in: context)
        } else {
            context.standardOutput.writeLine("change request \(id): \(request.state.rawValue)")
        }
        return .ok
    }
}
