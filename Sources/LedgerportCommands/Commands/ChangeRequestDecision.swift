import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// The arguments and the work shared by `ledgerport change-request approve` and `reject`.
struct ChangeRequestDecision: Sendable {
    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The change request id."),
        AdminCommandSupport.tenantDefinition,
        ActorOption.governanceDefinition(recordedAs: "the reviewer"),
        .option("comment", value: "text", help: "The reviewer's comment, kept with the decision."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    static let exitStatuses: [(ExitCode, String)] = [
        (.ok, "the decision was recorded"),
        (.failure, "the request is not open, the reviewer proposed it or decided already, or the tenant or database is unavailable"),
        (.usage, "the command line is invalid"),
    ]

    let id: ChangeRequestID
    let tenantSlug: String
    let reviewer: String?
    let comment: String
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = ChangeRequestID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        reviewer = try ActorOption.parse(arguments)
        comment = arguments.option("comment") ?? ""
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    /// Records `decision` through the governance workflow and prints the request with its approvals.
    func run(_ decision: ApprovalDecision, in context: CommandContext) async throws -> ExitCode {
        let reviewer = try ActorOption.resolve(reviewer, in: context, for: .governance)
        let (request, approvals) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            _ = try await ChangeRequestWorkflow(store: store).decide(decision, comment: comment, reviewer: reviewer, request: id, tenant: tenant.id)
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
