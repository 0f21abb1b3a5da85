/// The `ledgerport` program: the root of the command tree.
///
/// To add a command group (such as `tenant` or `connection`), write one type
/// conforming to ``CommandGroup`` or ``RunnableCommand`` and add it to
/// ``subcommands``. That list is the only place that names top-level commands.
package enum LedgerportCommand: CommandGroup {
    package static let help = CommandHelp(
        name: CommandRunner.programName,
        abstract: "Receive subscription and revenue events and write them into Odoo exactly once, under governed connector specs and mappings.",
        examples: [
            .init("ledgerport spec validate connector-specs", "Check every connector spec in the repository."),
            .init("ledgerport spec list --json", "List the connector specs as JSON."),
            .init("ledgerport version", "Print the version of this build."),
        ],
        exitStatuses: CommandHelp.standardExitStatuses + [
            (.dataError, "the input data is invalid: a spec, mapping or other document breaks its rules"),
        ]
    )

    package static let subcommands: [any CommandNode.Type] = [
        VersionCommand.self,
        DemoCommand.self,
        ServeCommand.self,
        SpecCommand.self,
        TenantCommand.self,
        ConnectionCommand.self,
        WebhookCommand.self,
        MappingCommand.self,
        FlowCommand.self,
        ChangeRequestCommand.self,
        EventCommand.self,
        DeliveryCommand.self,
        DeadLetterCommand.self,
        TokenCommand.self,
        AuditCommand.self,
        SandboxCommand.self,
    ]
}
