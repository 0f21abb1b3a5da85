import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request`: the governance workflow of mapping activations on a data folder.
enum ChangeRequestCommand: CommandGroup {
    static let help = CommandHelp(
        name: "change-request",
        abstract: "Propose, review, apply and withdraw the activation of mapping versions.",
        discussion: """
            A request opens when proposed, is approved when two different reviewers \
            approve it (never its proposer), is rejected by any one rejection, and takes \
            effect only when applied. In the admin API, reviewers hold a board_member or \
            tenant_admin token and a tenant_admin applies; this command line does not check \
            roles and records whoever --as names. Its proposer may withdraw it while it is \
            open or approved. Every step is recorded in the tenant's audit log with the \
            person named by --as.
            """,
        examples: [
            .init(
                "ledgerport change-request propose --tenant acme --mapping stripe-invoices --version 2 --environment production --summary \"Post invoices in EUR\" --as revops@acme.example",
                "Propose activating version 2 in production."),
            .init("ledgerport change-request approve <id> --tenant acme --as cfo@acme.example", "Approve a request."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        ChangeRequestProposeCommand.self,
        ChangeRequestListCommand.self,
        ChangeRequestShowCommand.self,
        ChangeRequestApproveCommand.self,
        ChangeRequestRejectCommand.self,
        ChangeRequestApplyCommand.self,
        ChangeRequestWithdrawCommand.self,
    ]

    /// Reads a request and its decisions.
    static func detail(_ id: ChangeRequestID, tenant: TenantID, store: any Store) async throws -> (ChangeRequest, [ChangeApproval]) {
        (try await store.changeRequest(id, tenant: tenant), try await store.approvals(changeRequest: id, tenant: tenant))
    }

    /// Builds the JSON of a request with its decisions, as `show`, `approve` and `reject` print it.
    static func json(_ request: ChangeRequest, _ approvals: [ChangeApproval]) -> JSONValue {
        ["change_request": AdminJSON.changeRequest(request), "approvals": .array(approvals.map(AdminJSON.approval))]
    }

    /// Prints a request, its evidence and its decisions as `show` does.
    ///
    /// Without `includesEvidence`, the diff and the dry run are left out, as after a decision, when the reviewer has read them already.
    static func printText(_ request: ChangeRequest, _ approvals: [ChangeApproval], includesEvidence: Bool = true, in context: CommandContext) {
        let out = context.standardOutput
        out.writeLine("change request \(request.id): \(request.state.rawValue)")
        out.writeLine("  \(request.kind.rawValue) in \(request.environment): \(JSONWriter.string(request.subject))")
        out.writeLine("  summary:  \(request.summary)")
        out.writeLine("  proposed: by \(request.proposedBy) at \(AdminJSON.timestampText(request.proposedAt))")
        if includesEvidence {
            for line in ChangeEvidenceText.lines(request.evidence) {
                out.writeLine(line)
            }
        }
        for approval in approvals {
            let comment = approval.comment.isEmpty ? "" : ": \(approval.comment)"
            out.writeLine("  \(approval.decision.rawValue): \(approval.reviewer) at \(AdminJSON.timestampText(approval.decidedAt))\(comment)")
        }
    }
}
