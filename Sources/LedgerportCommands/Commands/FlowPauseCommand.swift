import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow pause`: stops creating deliveries for a flow; events are still stored.
struct FlowPauseCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "pause",
        abstract: "Stop creating deliveries for a flow; events are still stored.",
        discussion: """
            A running `ledgerport serve` on the same data folder sees the change at its next \
            periodic reload of the flows, within 5 seconds.
            """,
        examples: [
            .init("ledgerport flow pause stripe-invoices --tenant acme", "Pause the flow stripe-invoices."),
        ],
        exitStatuses: [
            (.ok, "the flow was paused, or already was"),
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
        try await shared.run(setting: .paused, in: context)
    }
}
