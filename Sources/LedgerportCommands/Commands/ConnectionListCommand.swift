import Foundation
import LedgerportSDK
import LedgerportStore

/// `ledgerport connection list`: lists a tenant's connections with the names of their secret fields, never the values.
struct ConnectionListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List a tenant's connections with their secret fields; secret values are never shown.",
        examples: [
            .init("ledgerport connection list --tenant acme", "Print a table of the connections of acme."),
            .init(
                "ledgerport connection list --tenant acme --environment production --json",
                "Print the production connections as JSON."),
        ],
        exitStatuses: [
            (.ok, "the connections were listed"),
            (.failure, "the tenant is unknown, or the database is missing or cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        AdminCommandSupport.tenantDefinition,
        .option("environment", value: "name", help: "List only this environment's connections. Default: all."),
        DataOption.definition,
        .flag("json", help: "Print a JSON object with the members tenant and connections."),
    ]

    let tenantSlug: String
    let environment: EnvironmentName?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        let tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        self.tenantSlug = tenantSlug
        environment = arguments.option("environment").map(EnvironmentName.init(rawValue:))
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    /// One connection and the counts of its secret values per field: (field, values, active values).
    private struct Listing: Sendable {
        let connection: Connection
        let secretFields: [(String, Int, Int)]
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let listings = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            try await list(in: store)
        }

        if printsJSON {
            let connections = listings.map { JSONValue.object(Self.json(for: $0.connection, secretFields: $0.secretFields)) }
            let document: JSONValue = ["tenant": .string(tenantSlug), "connections": .array(connections)]
            context.standardOutput.writeLine(JSONWriter.string(document, style: .pretty))
            return .ok
        }
        var rows = [["ID", "ENVIRONMENT", "CONNECTOR", "STATE", "SECRET FIELDS"]]
        for listing in listings {
            let connection = listing.connection
            let fields = listing.secretFields.map(\.0).joined(separator: ",")
            rows.append([
                connection.id.rawValue, connection.environment.rawValue, "\(connection.connectorID)@\(connection.connectorVersion)",
                connection.state.rawValue, fields.isEmpty ? "-" : fields,
            ])
        }
        for line in TextTable.lines(rows) {
            context.standardOutput.writeLine(line)
        }
        return .ok
    }

    private func list(in store: any Store) async throws -> [Listing] {
        let tenant = try await StoreCommandSupport.tenant(slug: tenantSlug, in: store)
        let now = Date()
        return try await StoreCommandSupport.translatingStoreErrors {
            var listings: [Listing] = []
            for connection in try await store.connections(tenant: tenant.id, environment: environment) {
                let values = try await store.secretValues(connection: connection.id, field: nil, tenant: tenant.id)
                let fields = Dictionary(grouping: values, by: \.field).keys.sorted().map { field in
                    let ofField = values.filter { $0.field == field }
                    return (field, ofField.count, ofField.filter { $0.isActive(at: now) }.count)
                }
                listings.append(Listing(connection: connection, secretFields: fields))
            }
            return listings
        }
    }

    /// Returns the JSON members of a connection, with its secret fields as counts of (all, active) values.
    static func json(for connection: Connection, secretFields: [(String, Int, Int)]) -> JSONObject {
        [
            "id": .string(connection.id.rawValue),
            "environment": .string(connection.environment.rawValue),
            "connector_id": .string(connection.connectorID),
            "connector_version": .string(connection.connectorVersion.description),
            "state": .string(connection.state.rawValue),
            "configuration": connection.configuration,
            "secret_fields": .array(secretFields.map { field, values, active in
                ["field": .string(field), "values": .number(JSONNumber(values)), "active_values": .number(JSONNumber(active))]
            }),
            "created_at": .string(StoreCommandSupport.timestamp(connection.createdAt)),
        ]
    }
}
