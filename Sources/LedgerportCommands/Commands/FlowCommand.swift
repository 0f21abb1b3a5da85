/// `ledgerport flow`: the commands that create, list, show, pause and resume a tenant's flows.
enum FlowCommand: CommandGroup {
    static let help = CommandHelp(
        name: "flow",
        abstract: "Create, list, show, pause and resume flows (source connection, mapping and target connection), and deliver the events they did not take.",
        examples: [
            .init(
                "ledgerport flow create stripe-invoices --tenant acme --source stripe-live --target odoo --mapping stripe-invoices",
                "Create a real-time flow of Stripe invoices into Odoo."),
            .init("ledgerport flow pause stripe-invoices --tenant acme", "Stop delivering through the flow."),
        ]
    )

    static let subcommands: [any CommandNode.Type] = [
        FlowCreateCommand.self,
        FlowListCommand.self,
        FlowShowCommand.self,
        FlowRerunWindowCommand.self,
        FlowPauseCommand.self,
        FlowResumeCommand.self,
        FlowDeliverStoredCommand.self,
    ]
}
