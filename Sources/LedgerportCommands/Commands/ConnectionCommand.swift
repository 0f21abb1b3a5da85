/// `ledgerport connection`: the commands that create and list a tenant's connections.
enum ConnectionCommand: CommandGroup {
    static let help = CommandHelp(
        name: "connection",
        abstract: "Create and list connections: connectors configured for one tenant environment.",
        examples: [
            .init(
                "ledgerport connection create stripe-test --tenant acme --connector stripe@1.0.0 --secrets-file -",
                "Create a Stripe connection, reading its secrets as JSON from standard input."),
            .init("ledgerport connection list --tenant acme", "List the connections of the tenant acme."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        ConnectionCreateCommand.self,
        ConnectionListCommand.self,
    ]
}
