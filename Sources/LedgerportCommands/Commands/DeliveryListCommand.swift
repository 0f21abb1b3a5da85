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
            A pending delivery waits for its next attempt (NEXT ATTEMPT), or for an earlier \
            delivery of the same business object ("after delivery 41"); an in-flight one is \
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
        let printsJSON = printsJSON
        let (deliveries, holders) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            let deliveries = try await store.deliveries(tenant: tenant.id, state: state, after: after, limit: limit)
            return (deliveries, printsJSON ? [:] : try await Self.holders(of: deliveries, tenant: tenant.id, store: store))
        }
        if printsJSON {
            AdminCommandSupport.printPage(
                "deliveries", deliveries.map(AdminJSON.delivery), lastID: deliveries.last?.id.rawValue, limit: limit, in: context)
            return .ok
        }
        var rows = [["ID", "STATE", "FLOW", "ORDERING KEY", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR"]]
        rows += deliveries.map {
            [$0.id.description, $0.state.rawValue, $0.flowID.rawValue, $0.orderingKey, String($0.attemptCount),
             Self.nextAttempt(of: $0, heldBy: holders[$0.id]),
             TextTable.elide($0.lastError ?? "", maximumLength: Self.errorLength)]
        }
        AdminCommandSupport.printTable(rows, in: context)
        AdminCommandSupport.printFullPageNote(shown: deliveries.count, limit: limit, lastID: deliveries.last?.id.rawValue, in: context)
        return .ok
    }

    /// Finds, for each pending delivery already due, the earlier delivery of its ordering key that it waits for.
    ///
    /// Such a delivery's next attempt time lies in the past, because it runs
    /// as soon as the earlier one finishes. So the table names the earlier one instead.
    static func holders(of deliveries: [Delivery], tenant: TenantID, store: any Store) async throws -> [DeliveryID: DeliveryID] {
        let now = Date()
        var holders: [DeliveryID: DeliveryID] = [:]
        for delivery in deliveries where delivery.state == .pending && delivery.nextAttemptAt <= now {
            if let holder = try await store.deliveryHoldingBack(delivery.id, tenant: tenant) {
                holders[delivery.id] = holder.id
            }
        }
        return holders
    }

    /// Describes when a delivery runs next: its next attempt time, the delivery it waits for, or `-` once it is not pending.
    static func nextAttempt(of delivery: Delivery, heldBy holder: DeliveryID?) -> String {
        guard delivery.state == .pending else {
            return "-"
        }
        if let holder {
            return "after delivery \(holder)"
        }
        return AdminJSON.timestampText(delivery.nextAttemptAt)
    }
}
