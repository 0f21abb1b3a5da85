import Foundation
import LedgerportDemo
import LedgerportLog
import LedgerportSDK

/// `ledgerport demo`: runs the whole path on a month of recorded Stripe webhooks and prints what Odoo holds.
struct DemoCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "demo",
        abstract: "Play a month of signed Stripe webhooks into Odoo and check the result per currency.",
        discussion: """
            Starts the Odoo sandbox and a runtime on 127.0.0.1 with SQLite in a temporary \
            folder, creates a tenant whose mappings are activated through approved change \
            requests, posts the webhooks over HTTP (some late, duplicated or out of order), \
            waits for every delivery, and reads partners, posted invoices, payments and \
            credit notes back from Odoo to compare them with the source's totals.

            With --odoo-url, --odoo-db, --odoo-login and --odoo-api-key-file it writes into \
            that Odoo instead of the sandbox. The runtime's log lines go to standard error at \
            level error; set LEDGERPORT_LOG_LEVEL=info to see retries and deliveries as they happen.
            """,
        examples: [
            .init("ledgerport demo", "Run the demo and print the summary."),
            .init("ledgerport demo --json", "Print the summary as one JSON object."),
            .init("ledgerport demo --data demo-run", "Keep the store, the master key and the sandbox's data in demo-run/."),
        ],
        exitStatuses: [
            (.ok, "every delivery finished and Odoo matches the source"),
            (.failure, "the demo could not run, or Odoo does not match the source"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .flag("json", help: "Print the summary as one JSON object."),
        .option("data", value: "dir", help: "Keep the demo's data in this new or empty folder instead of a temporary one."),
        .option("odoo-url", value: "url", help: "The base URL of a real Odoo to write into instead of the sandbox."),
        .option("odoo-db", value: "name", help: "The database of that Odoo."),
        .option("odoo-login", value: "login", help: "The login of the integration user in that Odoo."),
        .option("odoo-api-key-file", value: "file", help: "A file whose first line is that user's API key."),
        SpecsOption.definition,
    ]

    let printsJSON: Bool
    let dataDirectory: String?
    let odooURL: String?
    let odooDatabase: String?
    let odooLogin: String?
    let odooKeyFile: String?
    let specsOption: String?

    init(arguments: ParsedArguments) throws(CommandError) {
        printsJSON = arguments.flag("json")
        dataDirectory = arguments.option("data")
        odooURL = arguments.option("odoo-url")
        odooDatabase = arguments.option("odoo-db")
        odooLogin = arguments.option("odoo-login")
        odooKeyFile = arguments.option("odoo-api-key-file")
        specsOption = arguments.option(SpecsOption.name)
        let given = [odooURL, odooDatabase, odooLogin, odooKeyFile].compactMap { $0 }
        guard given.isEmpty || given.count == 4 else {
            throw .usage("--odoo-url, --odoo-db, --odoo-login and --odoo-api-key-file go together", hint: "give all four to use a real Odoo, or none for the sandbox")
        }
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        var options = DemoOptions(dataDirectory: dataDirectory.map { absolute($0, in: context) }, specsDirectory: specsOption)
        if let odooURL, let odooDatabase, let odooLogin, let odooKeyFile {
            options.odoo = OdooEndpoint(url: odooURL, database: odooDatabase, login: odooLogin, apiKey: try readKey(odooKeyFile, in: context))
        }
        let level = context.environment["LEDGERPORT_LOG_LEVEL"].flatMap(LogLevel.init(name:)) ?? .error
        let logger = Logger(label: "ledgerport.demo", logLevel: level, handler: JSONLinesLogHandler(fileDescriptor: 2))

        let summary = try await DemoRun.run(options, environment: context.environment, logger: logger)
        if printsJSON {
            context.standardOutput.writeLine(JSONWriter.string(summary.json, style: .pretty))
        } else {
            context.standardOutput.write(summary.text)
        }
        return summary.totalsMatch && summary.deliveriesOpen == 0 ? .ok : .failure
    }

    private func absolute(_ path: String, in context: CommandContext) -> String {
        path.hasPrefix("/") ? path : (context.currentDirectory as NSString).appendingPathComponent(path)
    }

    private func readKey(_ file: String, in context: CommandContext) throws(CommandError) -> Secret {
        guard let data = FileManager.default.contents(atPath: absolute(file, in: context)),
            let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first, !line.isEmpty
        else {
            throw .invalidData("cannot read an API key from \"\(file)\"", hint: "write the Odoo user's API key on the file's first line")
        }
        return Secret(String(line).trimmingCharacters(in: .whitespaces))
    }
}
