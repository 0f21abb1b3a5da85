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
            that Odoo instead of the sandbox. It checks the login first, and it stops before \
            sending anything when that Odoo holds records of an earlier demo run, because each \
            run creates a new tenant and would post the month's invoices and payments again \
            (--allow-repeat posts them anyway). The runtime's log lines go to standard error at \
            level error; set LEDGERPORT_LOG_LEVEL=info to see retries and parked deliveries as they \
            happen, or debug to see every delivery too.
            """,
        examples: [
            .init("ledgerport demo", "Run the demo and print the summary."),
            .init("ledgerport demo --json", "Print the summary as one JSON object."),
            .init("ledgerport demo --data demo-run", "Keep the store, the master key and the sandbox's data in demo-run/."),
        ],
        exitStatuses: [
            (.ok, "every delivery finished and Odoo matches the source"),
            (.failure, "the demo could not run (such as a missing API key file), or Odoo does not match the source"),
            (.usage, "the command line is invalid"),
            (.dataError, "the API key file is empty, or LEDGERPORT_LOG_LEVEL names no log level"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .flag("json", help: "Print the summary as one JSON object."),
        .option("data", value: "dir", help: "Keep the demo's data in this new or empty folder instead of a temporary one."),
        .option("odoo-url", value: "url", help: "The base URL of a real Odoo to write into instead of the sandbox."),
        .option("odoo-db", value: "name", help: "The database of that Odoo."),
        .option("odoo-login", value: "login", help: "The login of the integration user in that Odoo."),
        .option("odoo-api-key-file", value: "file", help: "A file whose first line is that user's API key."),
        .flag("allow-repeat", help: "Post into that Odoo even when it contains an earlier demo run's records, which then exist twice."),
        SpecsOption.definition,
    ]

    let printsJSON: Bool
    let dataDirectory: String?
    let odooURL: String?
    let odooDatabase: String?
    let odooLogin: String?
    let odooKeyFile: String?
    let specsOption: String?
    let allowsRepeat: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        printsJSON = arguments.flag("json")
        dataDirectory = arguments.option("data")
        odooURL = arguments.option("odoo-url")
        odooDatabase = arguments.option("odoo-db")
        odooLogin = arguments.option("odoo-login")
        odooKeyFile = arguments.option("odoo-api-key-file")
        specsOption = arguments.option(SpecsOption.name)
        allowsRepeat = arguments.flag("allow-repeat")
        let given = [odooURL, odooDatabase, odooLogin, odooKeyFile].compactMap { $0 }
        guard given.isEmpty || given.count == 4 else {
            throw .usage("--odoo-url, --odoo-db, --odoo-login and --odoo-api-key-file go together", hint: "give all four to use a real Odoo, or none for the sandbox")
        }
        guard !allowsRepeat || !given.isEmpty else {
            throw .usage("--allow-repeat applies only to a real Odoo", hint: "add --odoo-url, --odoo-db, --odoo-login and --odoo-api-key-file, or drop --allow-repeat")
        }
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        var options = DemoOptions(dataDirectory: dataDirectory.map { absolute($0, in: context) }, specsDirectory: specsOption)
        options.allowsRepeat = allowsRepeat
        if let odooURL, let odooDatabase, let odooLogin, let odooKeyFile {
            options.odoo = OdooEndpoint(url: odooURL, database: odooDatabase, login: odooLogin, apiKey: try readKey(odooKeyFile, in: context))
        }
        var level = LogLevel.error
        if let name = context.environment["LEDGERPORT_LOG_LEVEL"] {
            guard let named = LogLevel(name: name) else {
                let names = LogLevel.allCases.map(\.description).joined(separator: ", ")
                throw CommandError.invalidData("invalid LEDGERPORT_LOG_LEVEL \"\(name)\": not a log level", hint: "use one of \(names), or unset it for error")
            }
            level = named
        }
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
        guard FileManager.default.fileExists(atPath: absolute(file, in: context)) else {
            throw .failure("read the API key file \"\(file)\": not found", hint: "check the path given to --odoo-api-key-file")
        }
        guard let data = FileManager.default.contents(atPath: absolute(file, in: context)),
            let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first, !line.isEmpty
        else {
            throw .invalidData("cannot read an API key from \"\(file)\"", hint: "write the Odoo user's API key on the file's first line")
        }
        return Secret(String(line).trimmingCharacters(in: .whitespaces))
    }
}
