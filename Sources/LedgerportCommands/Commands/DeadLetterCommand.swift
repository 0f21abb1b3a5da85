/// `ledgerport dead-letter`: the exception workbench on a data folder.
enum DeadLetterCommand: CommandGroup {
    static let help = CommandHelp(
        name: "dead-letter",
        abstract: "List, inspect, replay and discard parked deliveries.",
        examples: [
            .init("ledgerport dead-letter list --tenant acme --reason business", "List the business exceptions of the tenant acme."),
            .init("ledgerport dead-letter replay 42 --tenant acme", "Put dead letter 42 back in the delivery queue."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        DeadLetterListCommand.self,
        DeadLetterShowCommand.self,
        DeadLetterReplayCommand.self,
        DeadLetterDiscardCommand.self,
    ]
}
