import Foundation
import LedgerportSDK

/// The `ledgerport-bench` command: parses the command line, runs one scenario and prints its report.
package enum BenchMain {
    /// The options each scenario accepts besides `--seconds` and `--json`.
    static let scenarioOptions: [String: [String]] = [
        "ingest": ["connections", "load-threads", "paced-share", "paced-rate", "http-threads", "synchronous", "ids", "data"],
        "deliver": ["records", "batch-size", "delivery-batch-size", "phases", "sandbox", "ledgerport", "workers", "max-in-flight-per-tenant"],
        "replay": ["dead-letters", "sandbox", "ledgerport", "workers", "max-in-flight-per-tenant"],
        "tenants": ["tenants", "data", "bench", "concurrency"],
        "json": ["event"],
        TenantMemoryReader.childScenario: ["tenants", "data"],
    ]

    /// The text printed for `--help` and after a usage error.
    static let usage = """
        usage: ledgerport-bench SCENARIO [--seconds N] [--runs N] [--json] [options]

        Measures the runtime on 127.0.0.1 with a release build. --runs N runs the scenario N times in a
        row and reports the median of each field, then each run (default 1); use at least 3.

        scenarios:
          ingest    signed Stripe webhooks through the runtime's HTTP server, stored with group commit,
                    next to a no-op handler on the same server stack; then paced at a share of the maximum
                      --seconds N          length of each of the three loads (default 5)
                      --connections N      keep-alive connections (default 128)
                      --load-threads N     load generator threads sharing the connections (default 2)
                      --paced-share F      paced rate as a share of the maximum rate (default 0.5)
                      --paced-rate N       paced rate in events per second, instead of a share
                      --http-threads N     libmicrohttpd threads of both servers (default 2)
                      --synchronous MODE   full or normal (default full)
                      --ids ORDER          sequential, scattered or scattered-objects ids (default sequential)
                      --data DIR           keep the store in DIR (default: a temporary folder, removed)
          deliver   stored customer events through the delivery engine into the Odoo sandbox (the runtime's
                    CPU time per record), batched and one by one, then partner upserts through the Odoo
                    connector alone, one by one and batched
                      --seconds N          the longest each phase runs (default 10)
                      --records N          records each phase writes (default 2000)
                      --phases LIST        runtime, runtime-one-by-one and connector, comma-separated (default all)
                      --delivery-batch-size N   deliveries per worker in the runtime phase (default 100)
                      --batch-size N       records per call in the batched connector phase, 1 to 500 (default 100)
                      --sandbox WHERE      child (`ledgerport sandbox odoo`) or in-process (default child)
                      --ledgerport PATH    the ledgerport executable (default: the one beside this executable)
                      --workers N          delivery engine workers (default 16)
                      --max-in-flight-per-tenant N   engine workers per tenant (default 4)
          replay    parked deliveries of customer events replayed in bulk and delivered into the Odoo sandbox
                      --seconds N          the longest the replay may take (default 120)
                      --dead-letters N     parked deliveries to replay (default 10000)
                      --sandbox, --ledgerport, --workers, --max-in-flight-per-tenant   as for deliver
          tenants   resident memory per idle tenant, each with Stripe and Odoo connections and six flows,
                    read in a new process that loads every tenant into the runtime's caches
                      --seconds N          idle time before the memory is read (default 2)
                      --tenants N          tenants to load (default 10000)
                      --data DIR           provision into DIR and reuse it on later runs (default: a temporary folder)
                      --bench PATH         the ledgerport-bench executable for the reading (default: the one named ledgerport-bench beside this executable)
                      --concurrency N      tenants provisioned at once (default 16)
          json      parsing, writing and reading a recorded Stripe webhook body, thread CPU time per operation
                      --seconds N          length of each of the three parts (default 2)
                      --event FILE         a file of the demo month (default 034-invoice.payment_succeeded.json)

        --json prints one JSON object with snake_case fields; exit status 0 on success, 1 when the
        scenario failed, 64 for an invalid command line.
        """

    /// Runs the command with `arguments` (without the program name) and returns the exit status.
    package static func run(_ arguments: [String]) async -> Int32 {
        // `ledgerport-bench ingest --help` prints the same usage text as `ledgerport-bench --help`.
        if arguments.contains("--help") || arguments.contains("-h") {
            FileHandle.standardOutput.write(Data((usage + "\n").utf8))
            return 0
        }
        let commandLine: BenchCommandLine
        do {
            commandLine = try BenchCommandLine(arguments, scenarios: scenarioOptions)
        } catch {
            FileHandle.standardError.write(Data("ledgerport-bench: \(error)\n\n\(usage)\n".utf8))
            return 64
        }
        do {
            let report = try await runRepeatedly(commandLine)
            let output = commandLine.printsJSON ? JSONWriter.string(report.json) : report.text
            FileHandle.standardOutput.write(Data((output + "\n").utf8))
            return 0
        } catch let error as BenchUsageError {
            FileHandle.standardError.write(Data("ledgerport-bench: \(error)\n\n\(usage)\n".utf8))
            return 64
        } catch {
            FileHandle.standardError.write(Data("ledgerport-bench \(commandLine.scenario): \(error)\n".utf8))
            return 1
        }
    }

    /// Runs the scenario `--runs` times (once by default) with `scenario` and returns its report, or the medians of its reports.
    static func runRepeatedly(
        _ commandLine: BenchCommandLine, scenario: (BenchCommandLine) async throws -> BenchReport = runScenario
    ) async throws -> BenchReport {
        let runs = try commandLine.integer("runs", default: 1)
        guard runs > 1 else {
            return try await scenario(commandLine)
        }
        var reports: [BenchReport] = []
        for _ in 0..<runs {
            reports.append(try await scenario(commandLine))
        }
        return RepeatedRuns.median(of: reports)
    }

    /// Builds the scenario named on the command line with its options and runs it once.
    static func runScenario(_ commandLine: BenchCommandLine) async throws -> BenchReport {
        switch commandLine.scenario {
        case "ingest":
            return try await IngestScenario(options: ingestOptions(commandLine)).run()
        case "deliver":
            return try await DeliverScenario(options: deliverOptions(commandLine)).run()
        case "replay":
            return try await ReplayScenario(options: replayOptions(commandLine)).run()
        case "tenants":
            return try await TenantsScenario(options: tenantsOptions(commandLine)).run()
        case "json":
            var options = JSONScenario.Options()
            options.seconds = try commandLine.number("seconds", default: options.seconds)
            options.event = commandLine.text("event") ?? options.event
            return try await JSONScenario(options: options).run()
        case TenantMemoryReader.childScenario:
            guard let folder = commandLine.text("data") else {
                throw BenchUsageError("\(TenantMemoryReader.childScenario) needs --data DIR")
            }
            let tenants = try commandLine.integer("tenants", default: 1)
            return try await TenantMemoryReader.read(folder: folder, tenants: tenants, seconds: try commandLine.number("seconds", default: 2))
        default:
            throw BenchUsageError("unknown scenario \"\(commandLine.scenario)\"")
        }
    }

    private static func ingestOptions(_ commandLine: BenchCommandLine) throws(BenchUsageError) -> IngestScenario.Options {
        var options = IngestScenario.Options()
        options.seconds = try commandLine.number("seconds", default: options.seconds)
        options.connections = try commandLine.integer("connections", default: options.connections)
        options.loadThreads = try commandLine.integer("load-threads", default: options.loadThreads)
        options.pacedShare = try commandLine.number("paced-share", default: options.pacedShare)
        if commandLine.text("paced-rate") != nil {
            options.pacedRate = try commandLine.number("paced-rate", default: 1)
        }
        options.httpThreads = try commandLine.integer("http-threads", default: options.httpThreads)
        options.synchronous = try commandLine.choice("synchronous", ["full", "normal"], default: options.synchronous)
        let order = try commandLine.choice("ids", StripeEventFactory.IDOrder.allCases.map(\.rawValue), default: options.idOrder.rawValue)
        options.idOrder = StripeEventFactory.IDOrder(rawValue: order) ?? options.idOrder
        options.folder = commandLine.text("data")
        return options
    }

    private static func deliverOptions(_ commandLine: BenchCommandLine) throws(BenchUsageError) -> DeliverScenario.Options {
        var options = DeliverScenario.Options()
        options.seconds = try commandLine.number("seconds", default: options.seconds)
        options.records = try commandLine.integer("records", default: options.records)
        options.batchSize = try commandLine.integer("batch-size", default: options.batchSize)
        options.deliveryBatchSize = try commandLine.integer("delivery-batch-size", default: options.deliveryBatchSize)
        options.phases = try phases(commandLine)
        guard options.deliveryBatchSize <= 1000 else {
            throw BenchUsageError("invalid --delivery-batch-size \"\(options.deliveryBatchSize)\": the runtime takes 1 to 1000")
        }
        guard options.batchSize <= 500 else {
            throw BenchUsageError("invalid --batch-size \"\(options.batchSize)\": the Odoo connector takes at most 500 records per call")
        }
        options.sandbox = try sandboxPlacement(commandLine)
        options.ledgerportExecutable = commandLine.text("ledgerport") ?? options.ledgerportExecutable
        options.workers = try commandLine.integer("workers", default: options.workers)
        options.maximumInFlightPerTenant = try commandLine.integer("max-in-flight-per-tenant", default: options.maximumInFlightPerTenant)
        return options
    }

    private static func replayOptions(_ commandLine: BenchCommandLine) throws(BenchUsageError) -> ReplayScenario.Options {
        var options = ReplayScenario.Options()
        options.seconds = try commandLine.number("seconds", default: options.seconds)
        options.deadLetters = try commandLine.integer("dead-letters", default: options.deadLetters)
        options.sandbox = try sandboxPlacement(commandLine)
        options.ledgerportExecutable = commandLine.text("ledgerport") ?? options.ledgerportExecutable
        options.workers = try commandLine.integer("workers", default: options.workers)
        options.maximumInFlightPerTenant = try commandLine.integer("max-in-flight-per-tenant", default: options.maximumInFlightPerTenant)
        return options
    }

    private static func tenantsOptions(_ commandLine: BenchCommandLine) throws(BenchUsageError) -> TenantsScenario.Options {
        var options = TenantsScenario.Options()
        options.seconds = try commandLine.number("seconds", default: options.seconds)
        options.tenants = try commandLine.integer("tenants", default: options.tenants, minimum: 2)
        options.folder = commandLine.text("data")
        options.benchExecutable = commandLine.text("bench") ?? options.benchExecutable
        options.concurrency = try commandLine.integer("concurrency", default: options.concurrency)
        return options
    }

    private static func phases(_ commandLine: BenchCommandLine) throws(BenchUsageError) -> Set<DeliverScenario.Phase> {
        guard let text = commandLine.text("phases") else {
            return Set(DeliverScenario.Phase.allCases)
        }
        var phases = Set<DeliverScenario.Phase>()
        for name in text.split(separator: ",") {
            guard let phase = DeliverScenario.Phase(rawValue: String(name)) else {
                let known = DeliverScenario.Phase.allCases.map(\.rawValue).joined(separator: ", ")
                throw BenchUsageError("invalid --phases \"\(text)\": unknown phase \"\(name)\"; use \(known)")
            }
            phases.insert(phase)
        }
        return phases
    }

    private static func sandboxPlacement(_ commandLine: BenchCommandLine) throws(BenchUsageError) -> OdooSandboxProcess.Placement {
        let text = try commandLine.choice("sandbox", ["child", "in-process"], default: OdooSandboxProcess.Placement.child.rawValue)
        return OdooSandboxProcess.Placement(rawValue: text) ?? .child
    }
}
