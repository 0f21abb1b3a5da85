import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow deliver-stored`: gives deliveries through a flow to the stored events it did not take.
struct FlowDeliverStoredCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "deliver-stored",
        abstract: "Deliver through a flow the stored events it did not take: received before it existed or while it was paused.",
        discussion: """
            Every verified webhook is stored, but only the flows that take it at that moment \
            give it a delivery. This command gives one to each event of the flow's source \
            connection and event types received at or after --since that has none through \
            the flow, under the mapping version active in the flow's environment. Events that \
            already have one are left alone, so running it twice delivers nothing twice; \
            events whose payload the retention setting removed are counted and skipped. Run \
            it with --dry-run first: old events become new records in the target. A running \
            `ledgerport serve` on the same data folder picks the deliveries up at its next poll.
            """,
        examples: [
            .init(
                "ledgerport flow deliver-stored stripe-invoices --tenant acme --since 2026-12-01T00:00:00Z --dry-run",
                "Count the December events the flow did not take."),
            .init(
                "ledgerport flow deliver-stored stripe-invoices --tenant acme --since 2026-12-01T00:00:00Z",
                "Deliver them."),
        ],
        exitStatuses: [
            (.ok, "the deliveries were created, or counted with --dry-run"),
            (.failure, "the tenant or the flow is unknown, the flow is paused or scheduled, or its mapping has no active version"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The flow id."),
        AdminCommandSupport.tenantDefinition,
        .option("since", value: "time", help: "Only events received at or after this ISO 8601 time, such as 2026-12-01T00:00:00Z. Required.", required: true),
        .flag("dry-run", help: "Count the events and create nothing."),
        SpecsOption.definition,
        ActorOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: FlowID
    let tenantSlug: String
    let since: Date
    let sinceText: String
    let dryRun: Bool
    let specsOption: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = FlowID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let sinceText = arguments.option("since") else {
            throw .usage("missing option --since", hint: "name the earliest receipt time, such as --since 2026-12-01T00:00:00Z, and try --dry-run first")
        }
        guard let since = AdminCommandSupport.timestamp(sinceText) else {
            throw .usage("invalid --since \"\(sinceText)\": expected an ISO 8601 time", hint: "such as 2026-12-01T00:00:00Z")
        }
        self.since = since
        self.sinceText = sinceText
        dryRun = arguments.flag("dry-run")
        specsOption = arguments.option(SpecsOption.name)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        // A dry run writes nothing, so it needs no person acting.
        let actor = dryRun ? "" : try ActorOption.resolve(actorOption, in: context, for: .change)
        let count = try await AdminCommandSupport.withServices(dataOption, specsOption: specsOption, slug: tenantSlug, unsealing: false, in: context) {
            services, tenant in
            try await services.storedEventDeliverer.deliver(flow: id, since: since, dryRun: dryRun, tenant: tenant.id, actor: actor)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.storedEventDelivery(count, flow: id, since: sinceText, dryRun: dryRun), in: context)
        } else {
            let verb = dryRun ? "would create" : "created"
            context.standardOutput.writeLine(
                "flow \(id) of tenant \(tenantSlug): \(verb) \(Self.counted(count.delivered, "delivery", "deliveries")) "
                    + "for events received since \(sinceText); \(Self.counted(count.alreadyDelivered, "event", "events")) already had one, "
                    + "\(Self.counted(count.withoutPayload, "event", "events")) lost the payload to retention")
        }
        return .ok
    }

    private static func counted(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
