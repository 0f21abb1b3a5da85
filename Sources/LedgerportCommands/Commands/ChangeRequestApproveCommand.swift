import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request approve`: records a board member's decision through the governance workflow.
struct ChangeRequestApproveCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "approve",
        abstract: "Approve an open change request as a board member; two approvals approve it.",
        discussion: "The proposer cannot review their own request, and each reviewer decides once.",
        examples: [
            .init("ledgerport change-request approve <id> --tenant acme --as cfo@acme.example --comment \"Checked the dry run\"", "Approve a request."),
        ],
        exitStatuses: ChangeRequestDecision.exitStatuses
    )

    static let arguments = ChangeRequestDecision.arguments

    let shared: ChangeRequestDecision

    init(arguments: ParsedArguments) throws(CommandError) {
        shared = try ChangeRequestDecision(arguments: arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        try await shared.run(.approve, in: context)
    }
}
