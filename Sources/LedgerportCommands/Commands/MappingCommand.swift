/// `ledgerport mapping`: the commands that check, try and compare mappings.
enum MappingCommand: CommandGroup {
    static let help = CommandHelp(
        name: "mapping",
        abstract: "Validate mappings, run them over recorded events, and compare two versions.",
        examples: [
            .init("ledgerport mapping validate mappings/defaults/stripe_invoice_to_odoo.json", "Check a mapping before it is proposed."),
            .init("ledgerport mapping dry-run --mapping mine.json --event events/*.json", "Print the Odoo operations for recorded events."),
            .init("ledgerport mapping list --defaults", "List the default mappings."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        MappingValidateCommand.self,
        MappingDryRunCommand.self,
        MappingDiffCommand.self,
        MappingListCommand.self,
        MappingPublishCommand.self,
    ]
}
