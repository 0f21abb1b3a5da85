import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request show`: one change request with its decisions.
struct ChangeRequestShowCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "show",
        abstract: "Show a change request with its subject, evidence and every reviewer's decision.",
        examples: [
            .init("ledgerport change-request show <id> --tenant acme --json", "Print the request and its decisions as JSON."),
        ],
        exitStatuses: [
            (.ok, "the request was shown"),
            (.failure, "the tenant or the request is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The change request id."),
        AdminCommandSupport.tenantDefinition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: ChangeRequestID
    let tenantSlug: String
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = ChangeRequestID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let (request, approvals) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await ChangeRequestCommand.detail(id, tenant: tenant.id, store: store)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(ChangeRequestCommand.json(request, approvals), in: context)
        } else {
            ChangeRequestCommand.printText(request, approvals, in: context)
        }
        return .ok
    }
}
