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

    /// Records `decision` through the governance workflow, then prints the request's header, its decisions and the next step, without the evidence.
    func run(_ decision: ApprovalDecision, in context: CommandContext) async throws -> ExitCode {
        let reviewer = try ActorOption.resolve(reviewer, in: context, for: .governance)
        let (request, approvals, quorum) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            let workflow = ChangeRequestWorkflow(store: store)
            _ = try await workflow.decide(decision, comment: comment, reviewer: reviewer, request: id, tenant: tenant.id)
            let (request, approvals) = try await ChangeRequestCommand.detail(id, tenant: tenant.id, store: store)
            return (request, approvals, workflow.quorum)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(ChangeRequestCommand.json(request, approvals), in: context)
            return .ok
        }
        ChangeRequestCommand.printText(request, approvals, includesEvidence: false, in: context)
        for line in Self.outcomeLines(request, approvals: approvals, quorum: quorum, tenantSlug: tenantSlug) {
            context.standardOutput.writeLine(line)
        }
        return .ok
    }

    /// Returns the lines that give the approval count after a decision and the next step; `show` prints the diff and the dry run.
    static func outcomeLines(_ request: ChangeRequest, approvals: [ChangeApproval], quorum: Int, tenantSlug: String) -> [String] {
        let tenant = "--tenant \(tenantSlug)"
        let approving = Set(approvals.filter { $0.decision == .approve }.map { ActorIdentity.normalized($0.reviewer) }).count
        let evidence = "the diff and the dry run: ledgerport change-request show \(request.id) \(tenant)"
        switch request.state {
        case .open:
            return ["  approvals: \(approving) of \(quorum); it waits for \(quorum - approving) more from other board members", "  \(evidence)"]
        case .approved:
            return ["  approvals: \(approving) of \(quorum)", "  next: \(Remedy.applyOrWithdraw(request.id).commandHint(tenantSlug: tenantSlug))"]
        default:
            return ["  \(evidence)"]
        }
    }
}
