/// `ledgerport audit`: reads and checks the hash-chained audit log.
enum AuditCommand: CommandGroup {
    static let help = CommandHelp(
        name: "audit",
        abstract: "List and verify the audit log of a tenant or of the platform.",
        discussion: """
            Each tenant has its own chain of entries, and the platform has one more for \
            actions on no tenant. Every entry holds the SHA-256 of the one before it, so a \
            changed, removed or reordered entry breaks the chain from there on.
            """,
        examples: [
            .init("ledgerport audit list --tenant acme", "List the first entries of the tenant's chain."),
            .init("ledgerport audit verify --tenant acme", "Check every link of the tenant's chain."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        AuditListCommand.self,
        AuditVerifyCommand.self,
    ]

    /// The `--tenant` option of both commands: without it they read the platform's chain.
    static let tenantDefinition = ArgumentDefinition.option(
        "tenant", value: "slug", help: "The tenant whose chain to read. Default: the platform's chain."
    )
}
