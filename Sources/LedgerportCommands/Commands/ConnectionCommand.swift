/// `ledgerport connection`: the commands that create and list a tenant's connections.
enum ConnectionCommand: CommandGroup {
    static let help = CommandHelp(
        name: "connection",
        abstract: "Create, list and configure connections, and rotate their secrets: connectors configured for one tenant environment.",
        examples: [
            .init(
                "ledgerport connection create stripe-test --tenant acme --connector stripe@1.0.0 --secrets-file -",
                "Create a Stripe connection, reading its secrets as JSON from standard input."),
            .init("ledgerport connection list --tenant acme", "List the connections of the tenant acme."),
            .init(
                "ledgerport connection rotate-secrets odoo-main --tenant acme --secrets-file -",
                "Replace a connection's API key, reading the new value as JSON from standard input."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        ConnectionCreateCommand.self,
        ConnectionListCommand.self,
        ConnectionConfigureCommand.self,
        ConnectionRotateSecretsCommand.self,
    ]
}
