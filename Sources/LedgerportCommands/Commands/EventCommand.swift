/// `ledgerport event`: the stored events of a tenant on a data folder, read-only.
enum EventCommand: CommandGroup {
    static let help = CommandHelp(
        name: "event",
        abstract: "List a tenant's stored events with their correlation ids.",
        examples: [
            .init("ledgerport event list --tenant acme", "List the first 100 events the tenant stored."),
            .init("ledgerport event list --tenant acme --connection stripe-main --after 500", "List the Stripe events after id 500."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        EventListCommand.self
    ]
}
