import Foundation
import LedgerportJSONSchema
import LedgerportMapping
import LedgerportRuntime
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore

/// Options and steps shared by the `dead-letter`, `flow`, `mapping publish`, `change-request` and `token` commands.
///
/// They open the data folder's store directly, like `tenant list`, and go
/// through the runtime's services, so they apply the rules of the admin API.
enum AdminCommandSupport {
    static let tenantDefinition = ArgumentDefinition.option("tenant", value: "slug", help: "The tenant's slug. Required.", required: true)
    static let jsonDefinition = ArgumentDefinition.flag("json", help: "Print the result as a JSON object.")

    /// Reads the required `--tenant` option.
    static func tenantSlug(_ arguments: ParsedArguments) throws(CommandError) -> String {
        guard let slug = arguments.option("tenant"), !slug.isEmpty else {
            throw .usage("missing option --tenant", hint: "name the tenant's slug, such as --tenant acme")
        }
        return slug
    }

    /// Reads an integer id such as a dead letter's; `listing` is the command that lists the ids, such as `ledgerport delivery list`.
    static func integerID(_ text: String?, name: String, listing: String) throws(CommandError) -> Int64 {
        guard let text, let value = Int64(text), value > 0 else {
            throw .usage("invalid \(name) \"\(text ?? "")\": expected a positive integer id", hint: "list the ids with \(listing) --tenant <slug>")
        }
        return value
    }

    /// Reads an optional option as one of an enumeration's raw values.
    static func enumOption<Value: RawRepresentable & CaseIterable>(
        _ arguments: ParsedArguments, _ name: String, as type: Value.Type
    ) throws(CommandError) -> Value? where Value.RawValue == String {
        guard let text = arguments.option(name) else {
            return nil
        }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue)
            throw .usage("invalid --\(name) \"\(text)\"", hint: "\(MessageText.didYouMean(text, among: allowed))use one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    /// Reads an optional positive integer option such as `--limit`.
    static func integerOption(_ arguments: ParsedArguments, _ name: String, range: ClosedRange<Int>) throws(CommandError) -> Int? {
        guard let text = arguments.option(name) else {
            return nil
        }
        guard let value = Int(text), range.contains(value) else {
            throw .usage("invalid --\(name) \"\(text)\": expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Parses an ISO 8601 time such as `2026-03-01T00:00:00Z`, with or without fractional seconds.
    static func timestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) {
            return date
        }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    static func printJSON(_ value: JSONValue, in context: CommandContext) {
        context.standardOutput.writeLine(JSONWriter.string(value, style: .pretty))
    }

    static func printTable(_ rows: [[String]], in context: CommandContext) {
        for line in TextTable.lines(rows) {
            context.standardOutput.writeLine(line)
        }
    }

    /// Prints one page of a listing as JSON, as the admin API's listing routes do.
    ///
    /// The items go under `key`, and `next_after` is the last id when the page is full (more may follow), else null.
    static func printPage(_ key: String, _ items: [JSONValue], lastID: Int64?, limit: Int, in context: CommandContext) {
        let next: JSONValue = items.count == limit ? lastID.map { .number(JSONNumber($0)) } ?? .null : .null
        printJSON([key: .array(items), "next_after": next], in: context)
    }

    /// Prints, under a table that filled its page, the option that lists the next page.
    static func printFullPageNote(shown: Int, limit: Int, lastID: Int64?, in context: CommandContext) {
        guard shown == limit, let lastID else {
            return
        }
        context.standardOutput.writeLine("\(limit) shown, the page's limit; add --after \(lastID) for the next page")
    }

    /// Throws a usage error (exit status 64) naming the closest environment unless the tenant has the `--environment` one.
    static func requireEnvironment(_ name: EnvironmentName, operation: String, tenant: TenantID, store: any Store) async throws {
        do {
            try await EnvironmentLookup.requireKnown(name, operation: operation, tenant: tenant, store: store)
        } catch let error as StoreError where error.code == .notFound {
            throw CommandError.usage(error.message, hint: error.hint)
        }
    }

    /// Opens the store and reads the tenant, runs `body`, and converts the errors of the services into command errors.
    static func withTenant<Value>(
        _ dataOption: String?, slug: String, in context: CommandContext, _ body: (any Store, Tenant) async throws -> Value
    ) async throws -> Value {
        try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            let tenant = try await StoreCommandSupport.tenant(slug: slug, in: store)
            return try await translatingErrors(tenantSlug: tenant.slug) { try await body(store, tenant) }
        }
    }

    /// Like ``withTenant(_:slug:in:_:)``, with the runtime's services; `unsealing` opens the secrets with the master key.
    static func withServices<Value>(
        _ dataOption: String?, specsOption: String?, slug: String, unsealing: Bool, in context: CommandContext,
        _ body: (PlatformServices, Tenant) async throws -> Value
    ) async throws -> Value {
        let specs = try SpecsOption.locate(specsOption, in: context)
        return try await withTenant(dataOption, slug: slug, in: context) { store, tenant in
            let vault = unsealing ? try await openVault(store, in: context) : nil
            let services = try PlatformServices(store: store, specsDirectory: specs.path, vault: vault, clock: SystemClock(), logger: .disabled)
            return try await body(services, tenant)
        }
    }

    /// Opens the secret vault of `store` with the master key from the environment, or fails naming the variable to set.
    static func openVault(_ store: any Store, in context: CommandContext) async throws -> SecretVault {
        do {
            return try await SecretVault.open(masterKey: try MasterKey.load(environment: context.environment), store: store)
        } catch MasterKeyError.wrongKey {
            // Name the key that was tried, so the operator can tell a wrong file from a stale variable.
            let tried = context.environment[MasterKey.fileVariable].flatMap { $0.isEmpty ? nil : "the key in \"\($0)\" (\(MasterKey.fileVariable))" }
                ?? "the key in \(MasterKey.valueVariable)"
            throw CommandError.failure(
                "open secrets: \(tried) is not the one this database's secrets were sealed with (key check failed)",
                hint: "supply the original key: set $\(MasterKey.fileVariable) to the key file the runtime uses")
        } catch let error as MasterKeyError {
            throw CommandError.failure(error.description, hint: "set $\(MasterKey.fileVariable) to the key file the runtime uses")
        }
    }

    /// Runs `body`, converting the errors of the store, the workflow and the services: invalid input exits with 65, the rest with 1.
    ///
    /// `tenantSlug` is the `--tenant` of the command, which a workflow error's fix names.
    static func translatingErrors<Value>(tenantSlug: String? = nil, _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as StoreError {
            throw StoreCommandSupport.commandError(error)
        } catch let error as WorkflowError {
            throw CommandError.failure(error.message(wordingRemedy: { $0.commandHint(tenantSlug: tenantSlug) }))
        } catch let error as DeadLetterServiceError {
            throw CommandError.failure(error.description)
        } catch let error as MappingValidationError {
            throw CommandError.invalidData(error.description)
        } catch let error as ConnectorError {
            throw error.failureClass == .business ? CommandError.invalidData(error.description) : CommandError.failure(error.description)
        }
    }
}
