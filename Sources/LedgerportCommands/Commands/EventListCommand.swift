import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport event list`: a tenant's stored events in id order, optionally of one connection, paged.
struct EventListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List a tenant's stored events in id order, optionally of one connection.",
        discussion: """
            Each event is a webhook or a listed object that was stored, with the source's event \
            id, the canonical or native event type, when it arrived, and the correlation id that \
            its deliveries, dead letters, log lines and audit entries carry. PAYLOAD says whether \
            the raw payload is still kept or the payload retention removed it. Page with --after, \
            passing the last id of the previous page.
            """,
        examples: [
            .init("ledgerport event list --tenant acme --connection stripe-main", "List the events of one connection."),
            .init("ledgerport event list --tenant acme --after 500 --limit 50 --json", "Print the 50 events after id 500 as JSON."),
        ],
        exitStatuses: [
            (.ok, "the events were listed"),
            (.failure, "the tenant or connection is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        AdminCommandSupport.tenantDefinition,
        .option("connection", value: "id", help: "Only the events of this connection."),
        .option("after", value: "id", help: "Start after this event id."),
        .option("limit", value: "count", help: "The maximum number listed, from 1 to 1000. Default: 100."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String
    let connection: ConnectionID?
    let after: EventID?
    let limit: Int
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        connection = arguments.option("connection").map(ConnectionID.init(rawValue:))
        after = try arguments.option("after").map { text throws(CommandError) in
            EventID(rawValue: try AdminCommandSupport.integerID(text, name: "--after", listing: "ledgerport event list"))
        }
        limit = try AdminCommandSupport.integerOption(arguments, "limit", range: 1...1_000) ?? 100
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let events = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            if let connection {
                // A misspelt connection would otherwise list nothing, as if it had received no event.
                _ = try await ConnectionLookup.connection(connection, operation: "list events of connection \"\(connection)\"", tenant: tenant.id, store: store)
            }
            return try await store.events(tenant: tenant.id, connection: connection, after: after, limit: limit)
        }
        if printsJSON {
            AdminCommandSupport.printPage("events", events.map(AdminJSON.event), lastID: events.last?.id.rawValue, limit: limit, in: context)
            return .ok
        }
        var rows = [["ID", "CONNECTION", "TYPE", "SOURCE EVENT ID", "RECEIVED", "CORRELATION ID", "PAYLOAD"]]
        rows += events.map {
            [$0.id.description, $0.connectionID.rawValue, $0.eventType, $0.sourceEventID, AdminJSON.timestampText($0.receivedAt), $0.correlationID,
             $0.payload == nil ? "removed" : "kept"]
        }
        AdminCommandSupport.printTable(rows, in: context)
        AdminCommandSupport.printFullPageNote(shown: events.count, limit: limit, lastID: events.last?.id.rawValue, in: context)
        return .ok
    }
}
