import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow rerun-window`: runs a failed window of a scheduled flow again, also after its retries ran out.
struct FlowRerunWindowCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "rerun-window",
        abstract: "Run a failed window of a scheduled flow again, also one whose retries ran out.",
        discussion: """
            The window's run goes back to running with one more attempt, and a running \
            `ledgerport serve` on the same data folder runs it at its next look for due \
            windows, within 30 seconds. Objects already stored from the window are not \
            stored twice. Only a failed run can be run again; "ledgerport flow show" lists \
            the runs with their window starts. The rerun is audited as flow.window_rerun.
            """,
        examples: [
            .init(
                "ledgerport flow rerun-window nightly-customers --tenant acme --window-start 2026-12-03T01:00:00Z",
                "Run the window that started at 01:00 UTC on 3 December again."),
        ],
        exitStatuses: [
            (.ok, "the window will run again"),
            (.failure, "the tenant, the flow or the window's run is unknown, the run is not failed, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The scheduled flow's id."),
        AdminCommandSupport.tenantDefinition,
        .option("window-start", value: "time", help: "The start of the window, as flow show prints it, such as 2026-12-03T01:00:00Z. Required.", required: true),
        ActorOption.definition,
        DataOption.definition,
    ]

    let id: FlowID
    let tenantSlug: String
    let windowStart: Date
    let actorOption: String?
    let dataOption: String?

    init(arguments: ParsedArguments) throws(CommandError) {
        id = FlowID(rawValue: arguments.positional("id") ?? "")
        guard !id.rawValue.isEmpty else {
            throw .usage("missing flow id", hint: "name the scheduled flow, such as flow rerun-window nightly-customers --tenant acme")
        }
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let text = arguments.option("window-start") else {
            throw .usage("missing option --window-start", hint: "give the window's start as flow show prints it")
        }
        guard let start = AdminCommandSupport.timestamp(text) else {
            throw .usage("--window-start \"\(text)\" is not an ISO 8601 time", hint: "write it as 2026-12-03T01:00:00Z")
        }
        windowStart = start
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let (run, state) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await StoreCommandSupport.translatingStoreErrors {
                _ = try await FlowLookup.flow(id, tenant: tenant.id, store: store)
                let run = try await store.retryScheduleRun(flow: id, windowStart: windowStart, tenant: tenant.id, actor: actor)
                guard run == nil else {
                    return (run, "")
                }
                let state = try await store.scheduleRun(flow: id, windowStart: windowStart, tenant: tenant.id)?.state.rawValue ?? "unknown"
                return (run, state)
            }
        }
        guard let run else {
            throw CommandError.failure(
                "run window \(AdminJSON.timestampText(windowStart)) of flow \"\(id)\" again: its run is \(state), not failed",
                hint: "only a failed run can be run again; see the runs with \"ledgerport flow show \(id) --tenant \(tenantSlug)\"")
        }
        context.standardOutput.writeLine(
            "window \(AdminJSON.timestampText(run.windowStart)) of flow \(id) runs again (attempt \(run.attempts)) "
                + "at a running serve's next look for due windows, within 30 s")
        return .ok
    }
}
