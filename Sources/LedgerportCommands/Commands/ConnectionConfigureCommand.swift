import Foundation
import LedgerportCore
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport connection configure`: changes fields of a connection's plain configuration.
///
/// The file's members are merged into the stored configuration: a value
/// sets its field and `null` removes it. The result is checked against the
/// connector's spec before anything is stored. Secrets are not configuration:
/// `rotate-secrets` changes them.
struct ConnectionConfigureCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "configure",
        abstract: "Change fields of a connection's configuration, checked against its connector spec.",
        discussion: """
            --config is a JSON object file of the fields to change: a value sets the field \
            and null removes it; fields not in the file keep their values. The resulting \
            configuration must fit the connector's spec. Secret fields are refused here: \
            use `ledgerport connection rotate-secrets`. A running `ledgerport serve` uses the \
            new configuration within about 5 s (it looks for changed connections every 5 s).
            """,
        examples: [
            .init(
                "ledgerport connection configure odoo-main --tenant acme --config odoo-url.json",
                "Point the Odoo connection at another URL, with {\"base_url\": \"https://erp.example.com\"} in odoo-url.json."),
        ],
        exitStatuses: [
            (.ok, "the configuration was changed"),
            (.failure, "the tenant or connection is unknown, or the file cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "the file is not a JSON object, or the resulting configuration does not fit the connector spec"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The connection id, such as odoo-main."),
        AdminCommandSupport.tenantDefinition,
        .option("config", value: "file", help: "A JSON object file of the fields to set, null removing one. Required.", required: true),
        SpecsOption.definition,
        ActorOption.definition,
        DataOption.definition,
        .flag("json", help: "Print the changed connection as a JSON object."),
    ]

    let connectionID: ConnectionID
    let tenantSlug: String
    let configurationFile: String
    let specsOption: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        connectionID = ConnectionID(rawValue: arguments.positional("id") ?? "")
        guard !connectionID.rawValue.isEmpty else {
            throw .usage("missing connection id", hint: "name the connection, such as configure odoo-main --tenant acme")
        }
        let tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let configurationFile = arguments.option("config") else {
            throw .usage("missing option --config", hint: "give a JSON object file of the fields to change")
        }
        self.tenantSlug = tenantSlug
        self.configurationFile = configurationFile
        specsOption = arguments.option(SpecsOption.name)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let changes = try readChanges()

        let outcome = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            let tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store)
            return try await StoreCommandSupport.translatingStoreErrors {
                let current = try await store.connection(connectionID, tenant: tenant.id)
                let spec = try SpecsOption.spec(
                    for: current, option: specsOption, in: context, operation: "configure connection \"\(connectionID)\"")
                do {
                    return try await ConnectionConfigurator(store: store).configure(
                        changes, connection: current, spec: spec, urlHosts: nil, actor: actor)
                } catch let error as ConnectionConfigurationError {
                    throw commandError(for: error, in: context)
                }
            }
        }
        report(outcome.connection, changedFields: outcome.changedFields, context: context)
        return .ok
    }

    /// Builds the command's error for a refused change; a spec mismatch lists every issue on standard error first.
    private func commandError(for error: ConnectionConfigurationError, in context: CommandContext) -> CommandError {
        switch error {
        case .secretField(let field, _, let connector):
            return .invalidData(
                "configure connection \"\(connectionID)\": \"\(field)\" is a secret field of \(connector), not configuration; nothing was changed",
                hint: "change it with `ledgerport connection rotate-secrets \(connectionID) --tenant \(tenantSlug) --secrets-file -`")
        case .invalid(let issues, _, let connector):
            for issue in issues {
                context.standardError.writeLine("\(connector) configuration: \(issue.description)")
            }
            return .invalidData(
                "configure connection \"\(connectionID)\": \(issues.count) problem\(issues.count == 1 ? "" : "s") with the configuration; nothing was changed",
                hint: "read the configuration fields of the connector's spec in connector-specs")
        case .noChanges, .urlHostNotAllowed, .urlNotHTTP:
            return .invalidData(error.description, hint: "write the fields to change, such as {\"field\": \"new value\"}")
        }
    }

    private func readChanges() throws(CommandError) -> JSONObject {
        let members = try ConfigurationInput.read(configurationFile)
        guard !members.isEmpty else {
            throw .invalidData(
                "read configuration \"\(configurationFile)\": the object has no fields to change",
                hint: "write the fields to change, such as {\"field\": \"new value\"}")
        }
        return members
    }

    private func report(_ connection: Connection, changedFields: [String], context: CommandContext) {
        if printsJSON {
            var object = ConnectionListCommand.json(for: connection, secretFields: [])
            object["tenant"] = .string(tenantSlug)
            object["changed_fields"] = .array(changedFields.map { .string($0) })
            object["secret_fields"] = nil
            context.standardOutput.writeLine(JSONWriter.string(.object(object), style: .pretty))
            return
        }
        let changed = changedFields.isEmpty ? "nothing changed, every field already had the value given" : "changed " + changedFields.joined(separator: ", ")
        context.standardOutput.writeLine("configured connection \(connection.id) for tenant \(tenantSlug): \(changed)")
    }
}
