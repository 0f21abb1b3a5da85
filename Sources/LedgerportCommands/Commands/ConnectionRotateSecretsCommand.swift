import Foundation
import LedgerportCore
import LedgerportRuntime
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore

/// `ledgerport connection rotate-secrets`: stores new values of a connection's secret fields and expires the previous ones.
///
/// The new values are active at once. The previous values of the same
/// fields expire at once too, or after `--keep-previous-for`, so that a
/// webhook signing secret can overlap while the sender switches over. The
/// command does not change fields it is not given, nor the plain configuration.
struct ConnectionRotateSecretsCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "rotate-secrets",
        abstract: "Store new values of a connection's secret fields and expire the previous ones.",
        discussion: """
            New values come from --secrets-file, a JSON object file, or from standard input \
            with "-", and are active at once. The previous values of the same fields expire \
            at once, or after --keep-previous-for seconds, so that both a new and an old \
            webhook signing secret are accepted while the sender switches over. Fields not \
            in the file keep their values. A running `ledgerport serve` switches to the new \
            values within about 5 s (it looks for changed connections every 5 s) and refuses \
            a previous value as soon as it expires; keep a webhook signing secret's previous \
            value until the sender uses the new one. Values must match the pattern the connector \
            spec gives for their field. The master key comes from \
            $LEDGERPORT_MASTER_KEY_FILE or $LEDGERPORT_MASTER_KEY.
            """,
        examples: [
            .init(
                "ledgerport connection rotate-secrets odoo-main --tenant acme --secrets-file -",
                "Replace the Odoo API key, reading {\"api_key\": \"...\"} from standard input."),
            .init(
                "ledgerport connection rotate-secrets stripe-main --tenant acme --secrets-file new-signing-secret.json --keep-previous-for 86400",
                "Rotate the Stripe webhook signing secret, accepting the old one for another 24 hours."),
        ],
        exitStatuses: [
            (.ok, "the new values were stored and the previous ones expire as asked"),
            (.failure, "the tenant or connection is unknown, the master key is missing or wrong, or a file cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "the file is not a JSON object of strings, or names a field that is not a secret of the connector"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The connection id, such as odoo-main."),
        AdminCommandSupport.tenantDefinition,
        .option(
            SecretsInput.name, value: "file",
            help: "A JSON object of secret fields and their new values, such as {\"api_key\": \"...\"}; - reads it from standard input. Required.",
            required: true),
        .option("keep-previous-for", value: "seconds", help: "How long the previous values stay valid, in seconds. Default: 0."),
        SpecsOption.definition,
        ActorOption.definition,
        DataOption.definition,
        .flag("json", help: "Print the rotation as a JSON object."),
    ]

    let connectionID: ConnectionID
    let tenantSlug: String
    let secretsSource: String
    let keepPreviousSeconds: Int
    let specsOption: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        connectionID = ConnectionID(rawValue: arguments.positional("id") ?? "")
        guard !connectionID.rawValue.isEmpty else {
            throw .usage("missing connection id", hint: "name the connection, such as rotate-secrets odoo-main --tenant acme")
        }
        let tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let secretsSource = arguments.option(SecretsInput.name) else {
            throw .usage("missing option --\(SecretsInput.name)", hint: "give a JSON object file of the new values, or - for standard input")
        }
        let keepText = arguments.option("keep-previous-for") ?? "0"
        guard let keepPreviousSeconds = Int(keepText), keepPreviousSeconds >= 0 else {
            throw .usage(
                "invalid --keep-previous-for \"\(keepText)\": expected a whole number of seconds, 0 or more",
                hint: "such as --keep-previous-for 86400 for 24 hours")
        }
        self.tenantSlug = tenantSlug
        self.secretsSource = secretsSource
        self.keepPreviousSeconds = keepPreviousSeconds
        specsOption = arguments.option(SpecsOption.name)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let secrets = try SecretsInput.read(secretsSource, in: context)
        guard !secrets.isEmpty else {
            throw CommandError.invalidData(
                "rotate secrets of connection \"\(connectionID)\": the secrets file has no fields", hint: "write {\"api_key\": \"...\"}")
        }
        let outcome = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            let tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store)
            let connection = try await StoreCommandSupport.translatingStoreErrors {
                try await store.connection(connectionID, tenant: tenant.id)
            }
            let spec = try SpecsOption.spec(
                for: connection, option: specsOption, in: context, operation: "rotate secrets of connection \"\(connectionID)\"")
            // Checked before the master key is read, so a misspelt field is reported even without it.
            try SecretsInput.checkAgainstSpec(secrets, spec: spec, operation: "rotate secrets of connection \"\(connectionID)\"")
            let vault = try await AdminCommandSupport.openVault(store, in: context)
            return try await StoreCommandSupport.translatingStoreErrors {
                try await SecretRotation(store: store, vault: vault, clock: SystemClock()).rotate(
                    secrets, keepingPreviousFor: keepPreviousSeconds, connection: connection, spec: spec, actor: actor)
            }
        }
        report(fields: outcome.fields, expiredValues: outcome.previousValues, expiry: outcome.previousValuesExpireAt, context: context)
        return .ok
    }

    private func report(fields: [String], expiredValues: Int, expiry: Date, context: CommandContext) {
        let expiryText = expiry.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        if printsJSON {
            let object: JSONValue = [
                "tenant": .string(tenantSlug), "connection_id": .string(connectionID.rawValue), "fields": .array(fields.map { .string($0) }),
                "previous_values": .number(JSONNumber(expiredValues)), "previous_values_expire_at": .string(expiryText),
            ]
            context.standardOutput.writeLine(JSONWriter.string(object, style: .pretty))
            return
        }
        let previousText =
            expiredValues == 0
            ? "no previous values were active"
            : "\(expiredValues) previous value\(expiredValues == 1 ? "" : "s") expire\(expiredValues == 1 ? "s" : "") by \(expiryText)"
        context.standardOutput.writeLine(
            "rotated \(fields.joined(separator: ", ")) of connection \(connectionID) for tenant \(tenantSlug); \(previousText)")
    }
}
