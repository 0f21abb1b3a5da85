/// `ledgerport delivery`: the delivery queue of a tenant on a data folder, read-only.
enum DeliveryCommand: CommandGroup {
    static let help = CommandHelp(
        name: "delivery",
        abstract: "List a tenant's deliveries and show one with every attempt.",
        examples: [
            .init("ledgerport delivery list --tenant acme --state pending", "List the deliveries waiting for their next attempt."),
            .init("ledgerport delivery show 42 --tenant acme", "Show delivery 42 with its attempts."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        DeliveryListCommand.self,
        DeliveryShowCommand.self,
    ]
}
