/// `ledgerport spec`: the commands that check and list connector specs.
enum SpecCommand: CommandGroup {
    static let help = CommandHelp(
        name: "spec",
        abstract: "Validate and list connector specs (connector-specs/<id>/<version>.json).",
        examples: [
            .init("ledgerport spec validate connector-specs", "Check every spec in the repository."),
            .init("ledgerport spec list", "List the specs with their kind, stability and implementation."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        SpecValidateCommand.self,
        SpecListCommand.self,
    ]
}
