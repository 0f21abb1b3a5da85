import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow resume`: creates deliveries for a paused flow again.
struct FlowResumeCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "resume",
        abstract: "Create deliveries for a paused flow again.",
        discussion: """
            A running `ledgerport serve` on the same data folder sees the change at its next \
            periodic reload of the flows, within 5 seconds.
            """,
        examples: [
            .init("ledgerport flow resume stripe-invoices --tenant acme", "Resume the flow stripe-invoices."),
        ],
        exitStatuses: [
            (.ok, "the flow was resumed, or already was"),
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
            try await store.setFlowState(FlowState.active, flow: id, tenant: tenant.id, actor: StoreCommandSupport.actor(in: context))
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.flow(flow), in: context)
        } else {
            context.standardOutput.writeLine("flow \(flow.id) of tenant \(tenantSlug) is \(flow.state.rawValue)")
        }
        return .ok
    }
}
