import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request withdraw`: closes a request that was not applied; only its proposer may.
struct ChangeRequestWithdrawCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "withdraw",
        abstract: "Withdraw a change request you proposed that was not applied yet.",
        discussion: """
            Only the proposer may withdraw a request, while it is open or approved. A withdrawn \
            request stays in the list and the audit log; propose again to reopen the change.
            """,
        examples: [
            .init("ledgerport change-request withdraw <id> --tenant acme --as revops@acme.example", "Withdraw your proposal."),
        ],
        exitStatuses: [
            (.ok, "the request is withdrawn"),
            (.failure, "the request was applied or closed, another person proposed it, or the tenant or database is unavailable"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments = ChangeRequestReference.arguments(recordedAs: "the proposer withdrawing the request")

    let reference: ChangeRequestReference

    init(arguments: ParsedArguments) throws(CommandError) {
        reference = try ChangeRequestReference(arguments: arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let id = reference.id
        let request = try await reference.withWorkflow(in: context) { workflow, tenant, actor in
            try await workflow.withdraw(id, tenant: tenant, actor: actor)
        }
        if reference.printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.changeRequest(request), in: context)
        } else {
            context.standardOutput.writeLine("change request \(id): \(request.state.rawValue)")
        }
        return .ok
    }
}
