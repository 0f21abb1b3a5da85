/// `ledgerport token`: bearer tokens of the admin API.
enum TokenCommand: CommandGroup {
    static let help = CommandHelp(
        name: "token",
        abstract: "Create, list and revoke bearer tokens of the admin API.",
        discussion: """
            A tenant token reaches only its tenant, with the role tenant_admin, \
            finance_operator, board_member or viewer; a platform token (no --tenant) has the \
            role operator. The database keeps only each token's SHA-256.
            """,
        examples: [
            .init("ledgerport token create --tenant acme --role finance_operator --name finance@acme.example", "Create a token and print it once."),
            .init("ledgerport token list --tenant acme", "List the tenant's tokens."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        TokenCreateCommand.self,
        TokenListCommand.self,
        TokenRevokeCommand.self,
    ]
}
