import Foundation
import LedgerportCore
import LedgerportJSONSchema
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore

/// `ledgerport connection create`: creates a connection, with its secrets sealed under the master key.
struct ConnectionCreateCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "create",
        abstract: "Create a connection of a tenant, checked against its connector spec.",
        discussion: """
            Non-secret fields come from --config, a JSON object file. Secret fields come \
            from --secrets-file, a JSON object file, or from standard input with "-"; \
            secrets are never accepted as arguments. Secrets are encrypted with \
            AES-256-GCM under the master key from $LEDGERPORT_MASTER_KEY_FILE or \
            $LEDGERPORT_MASTER_KEY (64 hexadecimal digits or base64 of 32 bytes).
            """,
        examples: [
            .init(
                "ledgerport connection create stripe-test --tenant acme --connector stripe@1.0.0 --secrets-file stripe-secrets.json",
                "Create a Stripe connection in the test environment."),
            .init(
                "ledgerport connection create odoo --tenant acme --connector odoo@1.0.0 --environment production --config odoo.json --secrets-file -",
                "Create an Odoo connection, reading the API key as JSON from standard input."),
        ],
        exitStatuses: [
            (.ok, "the connection was created"),
            (.failure, "the tenant is unknown, the id is taken, the master key is missing or wrong, or a file cannot be read"),
            (.usage, "the command line is invalid, or names an unknown connector"),
            (.dataError, "the configuration or the secrets do not fit the connector spec"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The connection id, unique within the tenant, such as stripe-test."),
        AdminCommandSupport.tenantDefinition,
        .option("connector", value: "id@version", help: "The connector and its version, such as stripe@1.0.0. Required.", required: true),
        .option("environment", value: "name", help: "The tenant environment. Default: test."),
        .option("config", value: "file", help: "A JSON object file with the non-secret configuration fields."),
        SecretsInput.definition,
        SpecsOption.definition,
        ActorOption.definition,
        DataOption.definition,
        .flag("json", help: "Print the created connection as a JSON object."),
    ]

    let connectionID: ConnectionID
    let tenantSlug: String
    let connector: ConnectorReference
    let environment: EnvironmentName
    let configurationFile: String?
    let secretsSource: String?
    let specsOption: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        connectionID = ConnectionID(rawValue: arguments.positional("id") ?? "")
        let tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let connectorText = arguments.option("connector") else {
            throw .usage("missing option --connector", hint: "name the connector and version, such as --connector stripe@1.0.0")
        }
        guard let connector = ConnectorReference(connectorText) else {
            throw .usage("invalid --connector \"\(connectorText)\": expected id@version", hint: "such as stripe@1.0.0")
        }
        self.tenantSlug = tenantSlug
        self.connector = connector
        environment = EnvironmentName(rawValue: arguments.option("environment") ?? EnvironmentName.test.rawValue)
        do throws(StoreError) {
            try StoreValidation.validateSlug(connectionID.rawValue, operation: "create connection", valueName: "connection id")
        } catch {
            throw .usage(error.message, hint: error.hint)
        }
        configurationFile = arguments.option("config")
        secretsSource = arguments.option(SecretsInput.name)
        specsOption = arguments.option(SpecsOption.name)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let spec = try loadSpec(in: context)
        let configuration = try readConfiguration()
        let secrets = try secretsSource.map { source throws(CommandError) in try SecretsInput.read(source, in: context) } ?? [:]
        let issues = spec.validateConfiguration(values: configuration, secretNames: Set(secrets.keys))
        let secretProblem = spec.secretProblem(secrets)
        // Secret issues print with the secrets. An unknown name comes from the secret problem, which never repeats a
        // name that could be a pasted value, and each missing required secret gets a line of its own.
        let configurationIssues = issues.filter { $0.rule != "missing_secret" && $0.rule != "unknown_secret" }
        // A missing secret whose name a given unknown name resembles is the same mistake, which the secret problem names.
        let unknownNames = Set(secrets.keys).filter { spec.configuration[$0]?.secret != true }
        let missingSecrets = issues.filter { issue in
            guard issue.rule == "missing_secret", let name = issue.pointer.tokens.first else { return false }
            return !unknownNames.contains { !MessageText.didYouMean($0, among: [name]).isEmpty }
        }
        if configurationIssues.isEmpty, missingSecrets.isEmpty, let secretProblem {
            throw CommandError.invalidData("create connection \"\(connectionID)\": \(secretProblem.message)", hint: secretProblem.hint)
        }
        guard configurationIssues.isEmpty, missingSecrets.isEmpty else {
            // Issues name fields and rules; a secret given as a plain value is never repeated in them.
            for issue in configurationIssues {
                context.standardError.writeLine("\(connector) configuration: \(issue.description)")
            }
            var secretLines = secretProblem.map { ["\($0.message); \($0.hint)"] } ?? []
            secretLines += missingSecrets.map { "\($0.message); add it to the file given to --secrets-file" }
            for line in secretLines {
                context.standardError.writeLine("\(connector) secrets: \(line)")
            }
            let parts = [
                configurationIssues.isEmpty ? nil : Self.count(configurationIssues.count, "problem") + " with the configuration",
                secretLines.isEmpty ? nil : Self.count(secretLines.count, "problem") + " with the secrets",
            ].compactMap { $0 }
            throw CommandError.invalidData(
                "create connection \"\(connectionID)\": \(parts.joined(separator: " and "))",
                hint: "read the configuration fields of the connector's spec in connector-specs")
        }

        let (connection, fields) = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            try await create(in: store, configuration: configuration, secrets: secrets, actor: actor, context: context)
        }
        report(connection, secretFields: fields, context: context)
        return .ok
    }

    /// Returns `count` and `noun`, with an "s" unless the count is 1: "1 problem", "2 problems".
    private static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private func create(
        in store: any Store, configuration: JSONObject, secrets: [String: Secret], actor: String, context: CommandContext
    ) async throws -> (Connection, [String]) {
        let tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store)
        let sealed = try await seal(secrets, tenant: tenant.id, store: store, context: context)
        let connection = NewConnection(
            id: connectionID, environment: environment, connectorID: connector.id, connectorVersion: connector.version,
            configuration: .object(configuration), secretValues: sealed)
        let created = try await StoreCommandSupport.translatingStoreErrors {
            try await store.createConnection(connection, tenant: tenant.id, actor: actor)
        }
        return (created, sealed.map(\.field).sorted())
    }

    /// Seals every secret under the master key; without secrets, no key is needed.
    private func seal(_ secrets: [String: Secret], tenant: TenantID, store: any Store, context: CommandContext) async throws -> [NewSealedSecretValue] {
        guard !secrets.isEmpty else {
            return []
        }
        let vault = try await AdminCommandSupport.openVault(store, in: context)
        let now = Date()
        return try secrets.keys.sorted().map { field in
            try vault.seal(secrets[field]!, field: field, connection: connectionID, tenant: tenant, activeFrom: now)
        }
    }

    private func loadSpec(in context: CommandContext) throws(CommandError) -> ConnectorSpec {
        let directory = try SpecsOption.locate(specsOption, in: context)
        let result = try SpecsOption.loader(for: directory).loadDirectory(directory.path)
        guard let loaded = result.specs.first(where: { $0.spec.id == connector.id && $0.spec.version == connector.version }) else {
            throw .usage(
                "create connection \"\(connectionID)\": no connector spec \(connector) in \"\(directory.path)\"",
                hint: "list the connectors with \"ledgerport spec list\"")
        }
        return loaded.spec
    }

    private func readConfiguration() throws(CommandError) -> JSONObject {
        guard let configurationFile else {
            return [:]
        }
        return try ConfigurationInput.read(configurationFile)
    }

    private func report(_ connection: Connection, secretFields: [String], context: CommandContext) {
        if printsJSON {
            var object = ConnectionListCommand.json(for: connection, secretFields: secretFields.map { ($0, 1, 1) })
            object["tenant"] = .string(tenantSlug)
            context.standardOutput.writeLine(JSONWriter.string(.object(object), style: .pretty))
            return
        }
        let secretsText = secretFields.isEmpty ? "no secrets" : "secrets \(secretFields.joined(separator: ", "))"
        context.standardOutput.writeLine(
            "created connection \(connection.id) for tenant \(tenantSlug) (\(connector), environment \(connection.environment), \(secretsText))")
    }
}
