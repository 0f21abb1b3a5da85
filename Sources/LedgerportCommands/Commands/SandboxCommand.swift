/// `ledgerport sandbox`: test doubles of the systems Ledgerport talks to.
enum SandboxCommand: CommandGroup {
    static let help = CommandHelp(
        name: "sandbox",
        abstract: "Run stand-ins for external systems, such as an Odoo server, for tests and demos.",
        examples: [
            .init("ledgerport sandbox odoo --port 8069 --data ./odoo-sandbox", "Run an Odoo sandbox on 127.0.0.1:8069.")
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        SandboxOdooCommand.self
    ]
}
