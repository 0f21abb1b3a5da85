import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow pause`: stops creating deliveries for a flow; events are still stored.
struct FlowPauseCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "pause",
        abstract: "Stop creating deliveries for a flow; events are still stored.",
        discussion: """
            A running `ledgerport serve` on the same data folder sees the change at its next \
            periodic reload of the flows, within 5 seconds.
            """,
        examples: [
            .init("ledgerport flow pause stripe-invoices --tenant acme", "Pause the flow stripe-invoices."),
        ],
        exitStatuses: [
            (.ok, "the flow was paused, or already was"),
            (.failure, "the tenant or the flow is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The flow id."),
        AdminCommandSupport.tenantDefinition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: FlowID
    let tenantSlug: String
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = FlowID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let flow = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await store.setFlowState(FlowState.paused, flow: id, tenant: tenant.id, actor: StoreCommandSupport.actor(in: context))
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.flow(flow), in: context)
        } else {
            context.standardOutput.writeLine("flow \(flow.id) of tenant \(tenantSlug) is \(flow.state.rawValue)")
        }
        return .ok
    }
}
