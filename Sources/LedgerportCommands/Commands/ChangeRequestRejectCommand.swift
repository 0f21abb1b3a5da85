import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request reject`: records a board member's decision through the governance workflow.
struct ChangeRequestRejectCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "reject",
        abstract: "Reject an open change request as a board member; one rejection closes it.",
        discussion: "The proposer cannot review their own request, and each reviewer decides once.",
        examples: [
            .init("ledgerport change-request reject <id> --tenant acme --as cfo@acme.example --comment \"Checked the dry run\"", "Reject a request."),
        ],
        exitStatuses: [
            (.ok, "the decision was recorded"),
            (.failure, "the request is not open, the reviewer proposed it or decided already, or the tenant or database is unavailable"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The change request id."),
        AdminCommandSupport.tenantDefinition,
        AdminCommandSupport.reviewerDefinition,
        .option("comment", value: "text", help: "The reviewer's comment, kept with the decision."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: ChangeRequestID
    let tenantSlug: String
    let reviewer: String
    let comment: String
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = ChangeRequestID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        reviewer = try AdminCommandSupport.person(arguments)
        comment = arguments.option("comment") ?? ""
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let (request, approvals) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            _ = try await ChangeRequestWorkflow(store: store).decide(.reject, comment: comment, reviewer: reviewer, request: id, tenant: tenant.id)
            return try await ChangeRequestCommand.detail(id, tenant: tenant.id, store: store)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(ChangeRequestCommand.json(request, approvals), in: context)
        } else {
            ChangeRequestCommand.printText(request, approvals, in: context)
        }
        return .ok
    }
}
