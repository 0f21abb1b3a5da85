import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport delivery list`: a tenant's deliveries in id order, filtered by state and paged.
struct DeliveryListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List a tenant's deliveries in id order, optionally in one state.",
        discussion: """
            A pending delivery waits for its next attempt (NEXT ATTEMPT), an in-flight one is \
            being applied, and delivered, parked and discarded ones are finished; a parked one \
            has a dead letter (`ledgerport dead-letter list`). The table shortens a long last \
            error in its middle; "ledgerport delivery show" prints it whole. Page with --after, \
            passing the last id of the previous page.
            """,
        examples: [
            .init("ledgerport delivery list --tenant acme --state pending", "List the deliveries waiting for their next attempt."),
            .init("ledgerport delivery list --tenant acme --after 500 --limit 50 --json", "Print the 50 deliveries after id 500 as JSON."),
        ],
        exitStatuses: [
            (.ok, "the deliveries were listed"),
            (.failure, "the tenant is unknown or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    /// The maximum length of the LAST ERROR column; `show` or `--json` prints the whole error.
    static let errorLength = 80

    static let arguments: [ArgumentDefinition] = [
        AdminCommandSupport.tenantDefinition,
        .option("state", value: "state", help: "Only this state: pending, in_flight, delivered, parked or discarded."),
        .option("after", value: "id", help: "Start after this delivery id."),
        .option("limit", value: "count", help: "The maximum number listed, from 1 to 1000. Default: 100."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String
    let state: DeliveryState?
    let after: DeliveryID?
    let limit: Int
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        state = try AdminCommandSupport.enumOption(arguments, "state", as: DeliveryState.self)
        after = try arguments.option("after").map { text throws(CommandError) in
            DeliveryID(rawValue: try AdminCommandSupport.integerID(text, name: "--after", listing: "ledgerport delivery list"))
        }
        limit = try AdminCommandSupport.integerOption(arguments, "limit", range: 1...1_000) ?? 100
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let deliveries = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await store.deliveries(tenant: tenant.id, state: state, after: after, limit: limit)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(["deliveries": .array(deliveries.map(AdminJSON.delivery))], in: context)
            return .ok
        }
        var rows = [["ID", "STATE", "FLOW", "ORDERING KEY", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR"]]
        rows += deliveries.map {
            [$0.id.description, $0.state.rawValue, $0.flowID.rawValue, $0.orderingKey, String($0.attemptCount),
             $0.state == .pending ? AdminJSON.timestampText($0.nextAttemptAt) : "-",
             TextTable.elide($0.lastError ?? "", maximumLength: Self.errorLength)]
        }
        AdminCommandSupport.printTable(rows, in: context)
        return .ok
    }
}
