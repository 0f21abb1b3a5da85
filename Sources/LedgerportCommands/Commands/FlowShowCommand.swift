import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow show`: one flow with its settings, and for a scheduled flow its next window and recent runs.
struct FlowShowCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "show",
        abstract: "Show a flow with its mode, mapping version in force, event types, retry policy, state and 24-hour SLO; for a scheduled flow its next window and recent runs.",
        discussion: """
            Window times are printed in UTC and in the tenant's time zone. A scheduled flow runs a \
            window after it ends, at the runtime's next look (every 30 s).
            """,
        examples: [
            .init("ledgerport flow show nightly-customers --tenant acme", "Show the flow and its schedule's runs."),
            .init("ledgerport flow show nightly-customers --tenant acme --json", "Print the same as JSON."),
        ],
        exitStatuses: [
            (.ok, "the flow was shown"),
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
        guard !id.rawValue.isEmpty else {
            throw .usage("missing flow id", hint: "name the flow, such as flow show stripe-invoices --tenant acme")
        }
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let now = Date()
        let (flow, status, inForce, slo) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await StoreCommandSupport.translatingStoreErrors {
                let flow = try await FlowLookup.flow(id, tenant: tenant.id, store: store)
                let inForce = try await store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: tenant.id)
                // The last 24 hours, as `flow list` and the admin API's default.
                let slo = try await FlowSLOReport.compute(flow: flow, since: now.addingTimeInterval(-86_400), store: store)
                return (flow, try await FlowScheduleStatus.read(flow: flow, store: store, now: now), inForce?.mapping.version, slo)
            }
        }
        if printsJSON {
            guard case .object(var object) = AdminJSON.flow(flow, slo: slo, mappingVersionInForce: inForce) else {
                preconditionFailure("a flow's JSON is an object")
            }
            object["schedule_status"] = status.map(AdminJSON.scheduleStatus) ?? .null
            AdminCommandSupport.printJSON(.object(object), in: context)
            return .ok
        }

        let out = context.standardOutput
        out.writeLine("flow \(flow.id): \(flow.state.rawValue), \(flow.mode.rawValue), environment \(flow.environment)")
        out.writeLine("  path:           \(flow.sourceConnectionID) -> \(flow.mappingID) -> \(flow.targetConnectionID)")
        out.writeLine("  mapping:        " + (inForce.map { "version \($0) in force in \(flow.environment)" } ?? "no version in force in \(flow.environment)"))
        if flow.mode == .realtime {
            out.writeLine("  event types:    \(flow.nativeEventTypes.joined(separator: ", "))")
        }
        out.writeLine("  retry policy:   \(JSONWriter.string(flow.retryPolicy))")
        out.writeLine("  SLO 24h:        \(FlowListCommand.sloText(slo))")

        guard let status else {
            return .ok
        }
        out.writeLine("  schedule:       \(JSONWriter.string(flow.schedule ?? .null)) in \(status.timeZoneName)")
        let when = status.nextWindow.end <= now ? "ended, so it runs at the runner's next look (every 30 s)" : "runs after its end"
        out.writeLine("  next window:    \(Self.window(status.nextWindow.start, status.nextWindow.end, in: status.timeZone)), \(when)")
        let paused = flow.state == .paused
        if paused {
            out.writeLine("  paused:         no window runs and no failed window is retried until flow resume")
        }
        guard !status.runs.isEmpty else {
            out.writeLine("  runs:           none yet")
            return .ok
        }
        var rows = [["WINDOW START (UTC)", "WINDOW END (UTC)", "STATE", "ATTEMPTS", "FINISHED", "DETAIL"]]
        rows += status.runs.map { run in
            [AdminJSON.timestampText(run.windowStart), AdminJSON.timestampText(run.windowEnd), Self.state(of: run, in: status, paused: paused), String(run.attempts),
             run.finishedAt.map(AdminJSON.timestampText) ?? "-", run.detail ?? ""]
        }
        AdminCommandSupport.printTable(rows, in: context)
        return .ok
    }

    /// Describes a run's state, saying for a failed run when it is retried or that it gave up, and what waits for a paused flow.
    static func state(of run: ScheduleRun, in status: FlowScheduleStatus, paused: Bool) -> String {
        if let retryAt = status.retryAt(run) {
            return "failed, retry after \(AdminJSON.timestampText(retryAt))" + (paused ? " once the flow resumes" : "")
        }
        if status.gaveUp(run) {
            return "failed, gave up (flow rerun-window runs it again)"
        }
        // A run left running, by a stop or by rerun-window, resumes at the runner's next look, which skips a paused flow.
        if run.state == .running && paused {
            return "running, waits for the flow to resume"
        }
        return run.state.rawValue
    }

    /// Writes a window as UTC times followed by the same times on the tenant's clock.
    static func window(_ start: Date, _ end: Date, in zone: TimeZone) -> String {
        let local = Date.ISO8601FormatStyle(timeZone: zone)
        return "\(AdminJSON.timestampText(start)) to \(AdminJSON.timestampText(end)) (\(start.formatted(local)) to \(end.formatted(local)))"
    }
}
