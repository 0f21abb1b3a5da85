import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// The arguments and the work shared by `ledgerport flow pause` and `ledgerport flow resume`.
struct FlowStateChange: Sendable {
    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The flow id."),
        AdminCommandSupport.tenantDefinition,
        ActorOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: FlowID
    let tenantSlug: String
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = FlowID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    /// Sets the flow's state and prints the flow.
    func run(setting state: FlowState, in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let flow = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await FlowLookup.setState(state, flow: id, tenant: tenant.id, actor: actor, store: store)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.flow(flow), in: context)
        } else {
            context.standardOutput.writeLine("flow \(flow.id) of tenant \(tenantSlug) is \(flow.state.rawValue)")
            context.standardError.writeLine(
                "note: a running \"ledgerport serve\" on this data folder routes new events by this change at its next reload of the flows, "
                    + "within 5 seconds; pending deliveries follow it at once")
        }
        return .ok
    }
}
