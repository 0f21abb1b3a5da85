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
        exitStatuses: ChangeRequestDecision.exitStatuses
    )

    static let arguments = ChangeRequestDecision.arguments

    let shared: ChangeRequestDecision

    init(arguments: ParsedArguments) throws(CommandError) {
        shared = try ChangeRequestDecision(arguments: arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        try await shared.run(.reject, in: context)
    }
}
