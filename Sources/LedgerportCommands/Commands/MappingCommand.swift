/// `ledgerport mapping`: the commands that check, try, compare and read mappings.
enum MappingCommand: CommandGroup {
    static let help = CommandHelp(
        name: "mapping",
        abstract: "Validate mappings, run them over recorded events, compare two versions, and read stored versions.",
        examples: [
            .init("ledgerport mapping validate mappings/defaults/stripe_invoice_to_odoo.json", "Check a mapping before it is proposed."),
            .init("ledgerport mapping dry-run --mapping mine.json --event events/*.json", "Print the Odoo operations for recorded events."),
            .init("ledgerport mapping list --defaults", "List the default mappings."),
            .init("ledgerport mapping show stripe-invoices --version 2 --tenant acme", "Read a tenant's stored version before approving it."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        MappingValidateCommand.self,
        MappingDryRunCommand.self,
        MappingDiffCommand.self,
        MappingListCommand.self,
        MappingShowCommand.self,
        MappingPublishCommand.self,
    ]
}
