import Foundation
import LedgerportLog
import LedgerportOdooSandbox
import LedgerportSDK

/// `ledgerport sandbox odoo`: an Odoo imitation on 127.0.0.1, until interrupted.
struct SandboxOdooCommand: RunnableCommand {
    static let apiKeyVariable = "LEDGERPORT_SANDBOX_API_KEY"

    static let help = CommandHelp(
        name: "odoo",
        abstract: "Run an Odoo 17.0 or 19.0 imitation on 127.0.0.1 that answers JSON-RPC and JSON-2.",
        discussion: """
            The sandbox answers like the real Odoo servers it was recorded from: the same \
            results, errors and rounding. It listens on 127.0.0.1 only and stops on Ctrl-C \
            or SIGTERM. On first start it creates the database (login admin, password admin); \
            with --data it keeps its records in odoo-sandbox.sqlite in that folder, without \
            --data it keeps them in memory. Every start prints a new API key for admin, \
            unless $LEDGERPORT_SANDBOX_API_KEY holds one to install. XML-RPC is not served.
            """,
        examples: [
            .init("ledgerport sandbox odoo --port 8069 --data ./odoo-sandbox", "Run an Odoo 17.0 sandbox that keeps its data."),
            .init("ledgerport sandbox odoo --port 0 --odoo-version 19.0 --json", "Run a 19.0 sandbox in memory on a free port and print its details as JSON."),
        ],
        exitStatuses: [
            (.ok, "the sandbox ran and was stopped"),
            (.failure, "the data folder cannot be opened, or the port is taken"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .option("port", value: "number", help: "The TCP port on 127.0.0.1; 0 picks a free one. Default: 8069."),
        .option("data", value: "dir", help: "The folder for odoo-sandbox.sqlite. Default: keep the records in memory."),
        .option("db", value: "name", help: "The name of the database created on first start. Default: sandbox."),
        .option("odoo-version", value: "version", help: "The Odoo version to imitate, 17.0 or 19.0; JSON-2 needs 19.0. Default: 17.0."),
        .option("initial-data", value: "kind", help: "standard (EUR, JPY, KWD with rates) or pristine (a new Odoo database). Default: standard."),
        .flag("json", help: "Print the URL, database and credentials as one JSON object."),
    ]

    let port: UInt16
    let dataFolder: String?
    let databaseName: String
    let version: OdooVersion
    let initialData: InitialData
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        let portText = arguments.option("port") ?? "8069"
        guard let port = UInt16(portText) else {
            throw .usage("invalid --port \"\(portText)\": not a port number", hint: "use a number from 0 to 65535")
        }
        self.port = port
        let versionText = arguments.option("odoo-version") ?? "17.0"
        guard let version = OdooVersion(parsing: versionText) else {
            throw .usage("invalid --odoo-version \"\(versionText)\": not a recorded Odoo version", hint: "use 17.0 or 19.0")
        }
        self.version = version
        let dataText = arguments.option("initial-data") ?? "standard"
        guard let initialData = InitialData(rawValue: dataText) else {
            throw .usage("invalid --initial-data \"\(dataText)\": unknown kind", hint: "use standard or pristine")
        }
        self.initialData = initialData
        let databaseName = arguments.option("db") ?? "sandbox"
        guard !databaseName.isEmpty, databaseName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw .usage("invalid --db \"\(databaseName)\": not a database name", hint: "use letters, digits, '-' and '_'")
        }
        self.databaseName = databaseName
        dataFolder = arguments.option("data")
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        var configuration = SandboxConfiguration()
        configuration.databaseName = databaseName
        configuration.version = version
        configuration.initialData = initialData
        configuration.adminAPIKey = context.environment[Self.apiKeyVariable].flatMap { $0.isEmpty ? nil : Secret($0) }
        configuration.logger = Logger(label: "ledgerport.sandbox.odoo", logLevel: .info, handler: JSONLinesLogHandler(fileDescriptor: 2))

        let folder = dataFolder.map { absolutePath($0, in: context) }
        let server: OdooSandboxServer
        do {
            server = try await OdooSandboxServer.start(configuration: configuration, dataFolder: folder, port: port)
        } catch {
            throw CommandError.failure("start Odoo sandbox on 127.0.0.1:\(port): \(error)", hint: "choose another --port, or check the --data folder")
        }
        printDetails(of: server, apiKey: server.sandbox.startupAPIKey ?? configuration.adminAPIKey, dataFolder: folder, in: context)
        await SignalWaiter.waitForTermination()
        await server.stop()
        return .ok
    }

    private func absolutePath(_ path: String, in context: CommandContext) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: context.currentDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    private func printDetails(of server: OdooSandboxServer, apiKey: Secret?, dataFolder: String?, in context: CommandContext) {
        let key = apiKey?.revealText() ?? ""
        if printsJSON {
            let details: JSONValue = [
                "url": .string(server.url), "database": .string(databaseName), "odoo_version": .string(version.rawValue),
                "login": "admin", "password": "admin", "api_key": .string(key), "data_folder": dataFolder.map { .string($0) } ?? .null,
            ]
            context.standardOutput.writeLine(JSONWriter.string(details))
            return
        }
        context.standardOutput.writeLine("Odoo \(version.rawValue) sandbox listening on \(server.url)")
        context.standardOutput.writeLine("database: \(databaseName)")
        context.standardOutput.writeLine("login: admin  password: admin")
        context.standardOutput.writeLine("API key: \(key)")
        context.standardOutput.writeLine("data: \(dataFolder ?? "in memory, lost on exit")")
        context.standardOutput.writeLine("stop with Ctrl-C")
    }
}
