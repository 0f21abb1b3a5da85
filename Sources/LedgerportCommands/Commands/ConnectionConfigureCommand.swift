import Foundation
import LedgerportCore
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

        let connection = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            let tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store)
            return try await StoreCommandSupport.translatingStoreErrors {
                let current = try await store.connection(connectionID, tenant: tenant.id)
                let secretValues = try await store.secretValues(connection: current.id, field: nil, tenant: tenant.id)
                let merged = Self.merge(changes, into: current.configuration.objectValue ?? [:])
                try check(merged, secretNames: Set(secretValues.map(\.field)), of: current, in: context)
                return try await store.setConnectionConfiguration(.object(merged), connection: current.id, tenant: tenant.id, actor: actor)
            }
        }
        report(connection, changedFields: changes.keys.sorted(), context: context)
        return .ok
    }

    /// Returns `configuration` with each change applied: a value sets its field, `null` removes it.
    static func merge(_ changes: [String: JSONValue], into configuration: [String: JSONValue]) -> [String: JSONValue] {
        var merged = configuration
        for (field, value) in changes {
            // JSONValue takes `nil` as a literal for JSON null, so removal is spelled out.
            if value.isNull {
                merged.removeValue(forKey: field)
            } else {
                merged[field] = value
            }
        }
        return merged
    }

    private func check(_ configuration: [String: JSONValue], secretNames: Set<String>, of connection: Connection, in context: CommandContext)
        throws(CommandError)
    {
        let spec = try SpecsOption.spec(
            for: connection, option: specsOption, in: context, operation: "configure connection \"\(connectionID)\"")
        let reference = "\(connection.connectorID)@\(connection.connectorVersion)"
        let secrets = configuration.keys.filter { spec.configuration[$0]?.secret == true }.sorted()
        if let secret = secrets.first {
            throw .invalidData(
                "configure connection \"\(connectionID)\": \"\(secret)\" is a secret field of \(reference), not configuration; nothing was changed",
                hint: "change it with `ledgerport connection rotate-secrets \(connectionID) --tenant \(tenantSlug) --secrets-file -`")
        }
        let issues = spec.validateConfiguration(values: configuration, secretNames: secretNames)
        guard issues.isEmpty else {
            for issue in issues {
                context.standardError.writeLine("\(reference) configuration: \(issue.description)")
            }
            throw .invalidData(
                "configure connection \"\(connectionID)\": \(issues.count) problem\(issues.count == 1 ? "" : "s") with the configuration; nothing was changed",
                hint: "read the configuration fields of the connector's spec in connector-specs")
        }
    }

    private func readChanges() throws(CommandError) -> [String: JSONValue] {
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
        context.standardOutput.writeLine(
            "configured connection \(connection.id) for tenant \(tenantSlug): changed \(changedFields.joined(separator: ", "))")
    }
}
