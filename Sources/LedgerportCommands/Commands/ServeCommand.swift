import Foundation
import LedgerportLog
import LedgerportRuntime
import LedgerportSDK

/// `ledgerport serve`: runs the runtime: webhooks, deliveries, health and metrics, until SIGINT or SIGTERM.
struct ServeCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "serve",
        abstract: "Run the Ledgerport runtime for every tenant of a data folder.",
        discussion: """
            Reads the JSON configuration (every key optional; see docs/runtime.md), then \
            the environment variables that override it, opens the store under data_dir with \
            the master key, and serves webhooks at /webhooks/<tenant>/<environment>/<connection>, \
            /health, /ready, /metrics and the admin API under /admin (docs/admin-api.md). \
            Deliveries left in flight by a previous process run again \
            at start. SIGINT or SIGTERM stops accepting requests, lets deliveries in flight \
            finish and closes the store.
            """,
        examples: [
            .init("ledgerport serve --config ledgerport.json", "Run with a configuration file that names master_key_file."),
            .init("ledgerport serve --json", "Run from defaults and LEDGERPORT_* variables; print the address as JSON."),
        ],
        exitStatuses: [
            (.ok, "the runtime stopped after a signal"),
            (.failure, "the runtime could not start: configuration file not readable, master key, specs, store or port"),
            (.usage, "the command line is invalid"),
            (.dataError, "the configuration file is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .option("config", value: "file", help: "The JSON configuration file; without it, defaults and environment variables apply."),
        .flag("json", help: "Print the listening address as one JSON object once the runtime accepts requests."),
    ]

    let configurationFile: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        configurationFile = arguments.option("config")
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let configuration: ServeConfiguration
        do {
            configuration = try ServeConfiguration.load(path: configurationFile, environment: context.environment)
        } catch where error.isUnreadable {
            throw CommandError.failure(error.description)
        } catch {
            // Every mistake found is on a line of its own, and each reads as an error, not only the first.
            throw CommandError.invalidData(error.description.replacingOccurrences(of: "\n", with: "\nerror: "))
        }
        let logger = Logger(
            label: "ledgerport.runtime", logLevel: LogLevel(name: configuration.logLevel) ?? .info,
            handler: JSONLinesLogHandler(fileDescriptor: 2)
        )
        let runtime: Runtime
        do {
            runtime = try await Runtime.open(configuration: configuration, environment: context.environment, logger: logger)
        } catch {
            throw CommandError.failure("start the runtime: \(error)")
        }

        let output = context.standardOutput
        let printsJSON = printsJSON
        let host = configuration.listenAddress
        let running = Task {
            try await runtime.run { port in
                let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
                if printsJSON {
                    output.writeLine(JSONWriter.string(["url": .string("http://\(address)"), "port": .number(JSONNumber(Int(port)))]))
                } else {
                    output.writeLine("Ledgerport listening on http://\(address)")
                }
            }
        }
        // The signal waiter cannot be cancelled, so it runs beside the runtime: a runtime that fails
        // on its own (a port already taken) ends the command without waiting for a signal.
        _ = Task {
            let signal = await SignalWaiter.waitForTermination()
            logger.info("stopping: finishing deliveries in flight", metadata: ["signal": .string(signal)])
            running.cancel()
        }
        do {
            try await running.value
        } catch {
            // The runtime's errors name the fix themselves, such as freeing the port, so no general hint is added.
            throw CommandError.failure("run the runtime: \(error)")
        }
        logger.info("stopped")
        return .ok
    }
}
