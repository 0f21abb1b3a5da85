import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow pause`: stops delivering through a flow; events are still stored.
struct FlowPauseCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "pause",
        abstract: "Stop delivering through a flow: pending deliveries wait and new events get none; events are still stored.",
        discussion: """
            Pending deliveries through the flow stop being claimed at once; one already \
            running finishes. A running `ledgerport serve` on the same data folder stops \
            giving new events deliveries after its next periodic reload of the flows, within \
            5 seconds (the admin API's pause applies at once).
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
