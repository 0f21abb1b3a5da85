/// `ledgerport tenant`: the commands that create and list tenants.
enum TenantCommand: CommandGroup {
    static let help = CommandHelp(
        name: "tenant",
        abstract: "Create and list tenants, the customer companies the platform serves.",
        examples: [
            .init("ledgerport tenant create acme --name \"Acme Ltd\" --time-zone Europe/Paris", "Create the tenant acme."),
            .init("ledgerport tenant list --json", "List the tenants as JSON."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        TenantCreateCommand.self,
        TenantListCommand.self,
    ]
}
