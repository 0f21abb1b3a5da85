import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow resume`: delivers through a paused flow again.
struct FlowResumeCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "resume",
        abstract: "Deliver through a paused flow again: its waiting deliveries run and new events get deliveries.",
        discussion: """
            Waiting deliveries run at once. A running `ledgerport serve` on the same data \
            folder gives new events deliveries after its next periodic reload of the flows, \
            within 5 seconds. Events stored while the flow was paused get none; deliver them \
            with `ledgerport flow deliver-stored`.
            """,
        examples: [
            .init("ledgerport flow resume stripe-invoices --tenant acme", "Resume the flow stripe-invoices."),
        ],
        exitStatuses: [
            (.ok, "the flow was resumed, or already was"),
            (.failure, "the tenant or the flow is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments = FlowStateChange.arguments

    let shared: FlowStateChange

    init(arguments: ParsedArguments) throws(CommandError) {
        shared = try FlowStateChange(arguments: arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        try await shared.run(setting: .active, in: context)
    }
}
