import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow list`: a tenant's flows with their state and service level.
struct FlowListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List a tenant's flows with their state and service level over the last 24 hours.",
        examples: [
            .init("ledgerport flow list --tenant acme", "Print a table of the flows."),
            .init("ledgerport flow list --tenant acme --json", "Print the flows with their SLO figures and mapping versions in force as JSON."),
        ],
        exitStatuses: [
            (.ok, "the flows were listed"),
            (.failure, "the tenant is unknown or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        AdminCommandSupport.tenantDefinition,
        .option("environment", value: "name", help: "Only flows of this environment. Default: every environment."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String
    let environment: EnvironmentName?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        environment = arguments.option("environment").map(EnvironmentName.init(rawValue:))
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let since = Date().addingTimeInterval(-86_400)
        let (reports, gaveUp) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            var reports = [(flow: Flow, slo: FlowSLOReport, inForce: Int?)]()
            var gaveUp = [(flow: FlowID, windows: [Date])]()
            for flow in try await store.flows(tenant: tenant.id, environment: environment) {
                let report = try await FlowSLOReport.compute(flow: flow, since: since, store: store)
                let inForce = try await store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: tenant.id)
                reports.append((flow, report, inForce?.mapping.version))
                // A window that gave up lists nothing more, and its deliveries never enter the SLO, so the table alone would not show it.
                // NOTE: only the newest 20 runs of each flow are read, so a window that gave up before them is not named here.
                if let status = try await FlowScheduleStatus.read(flow: flow, store: store, now: Date()) {
                    let windows = status.runs.filter(status.gaveUp).map(\.windowStart).sorted()
                    if !windows.isEmpty {
                        gaveUp.append((flow.id, windows))
                    }
                }
            }
            return (reports, gaveUp)
        }
        if printsJSON {
            let flows = reports.map { AdminJSON.flow($0.flow, slo: $0.slo, mappingVersionInForce: $0.inForce) }
            AdminCommandSupport.printJSON(["flows": .array(flows)], in: context)
            return .ok
        }
        // MAPPING shows the mapping and the version in force in the flow's environment, such as stripe-customers@2, or @- when none is.
        var rows = [["ID", "STATE", "MODE", "ENVIRONMENT", "SOURCE", "MAPPING", "TARGET", "SLO 24H"]]
        rows += reports.map { flow, report, inForce in
            [flow.id.rawValue, flow.state.rawValue, flow.mode.rawValue, flow.environment.rawValue, flow.sourceConnectionID.rawValue,
             "\(flow.mappingID)@\(inForce.map(String.init) ?? "-")", flow.targetConnectionID.rawValue, Self.sloText(report)]
        }
        AdminCommandSupport.printTable(rows, in: context)
        for (flow, windows) in gaveUp {
            let count = windows.count == 1 ? "1 window" : "\(windows.count) windows"
            context.standardOutput.writeLine(
                "flow \(flow): \(count) gave up, the oldest starting \(AdminJSON.timestampText(windows[0])); run each again with "
                    + "\"ledgerport flow rerun-window \(flow) --tenant \(tenantSlug) --window-start TIME\" (flow show lists them)")
        }
        return .ok
    }

    /// Describes a flow's service level for people: `66.66% of 3 deliveries within 60 s, objective 99%: missed`.
    static func sloText(_ report: FlowSLOReport) -> String {
        guard let ratio = report.ratio, let met = report.met else {
            return "no deliveries to judge, objective \(percent(report.objective))"
        }
        let objective = "objective \(percent(report.objective)): \(met ? "met" : "missed")"
        let total = report.summary.total
        return "\(percent(ratio)) of \(total) deliver\(total == 1 ? "y" : "ies") within \(report.targetSeconds) s, \(objective)"
    }

    /// Writes a share as a percentage without trailing zeros: 0.6666 as `66.66%`, 0.99 as `99%`, 1.0000 as `100%`.
    static func percent(_ share: ExactDecimal) -> String {
        var text = ExactDecimal(significand: share.significand, scale: share.scale - 2).description
        if text.contains(".") {
            while text.hasSuffix("0") {
                text.removeLast()
            }
            if text.hasSuffix(".") {
                text.removeLast()
            }
        }
        return text + "%"
    }
}
