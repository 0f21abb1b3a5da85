import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport delivery show`: one delivery with its state, mapping version and every attempt.
struct DeliveryShowCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "show",
        abstract: "Show a delivery with its state, next attempt, mapping version and every attempt.",
        examples: [
            .init("ledgerport delivery show 42 --tenant acme", "Show delivery 42."),
            .init("ledgerport delivery show 42 --tenant acme --json", "Print it with its attempts as JSON."),
        ],
        exitStatuses: [
            (.ok, "the delivery was shown"),
            (.failure, "the tenant or the delivery is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The delivery id."),
        AdminCommandSupport.tenantDefinition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: DeliveryID
    let tenantSlug: String
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = DeliveryID(rawValue: try AdminCommandSupport.integerID(arguments.positional("id"), name: "delivery id", listing: "ledgerport delivery list"))
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let (delivery, attempts, holder) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await StoreCommandSupport.translatingStoreErrors {
                (try await store.delivery(id, tenant: tenant.id), try await store.deliveryAttempts(delivery: id, tenant: tenant.id),
                 try await store.deliveryHoldingBack(id, tenant: tenant.id))
            }
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.deliveryDetail(delivery, attempts: attempts, heldBackBy: holder), in: context)
            return .ok
        }
        let out = context.standardOutput
        out.writeLine("delivery \(delivery.id): \(delivery.state.rawValue), flow \(delivery.flowID), event \(delivery.eventID)")
        out.writeLine("  ordering key:   \(delivery.orderingKey)")
        out.writeLine("  mapping:        \(delivery.mapping.map { "\($0.mappingID)@\($0.version)" } ?? "none")")
        // A replay starts the delivery's count again, while the table below lists every attempt recorded.
        let sinceReplay = attempts.count > delivery.attemptCount ? " since the last replay (\(attempts.count) recorded in all)" : ""
        out.writeLine("  attempts:       \(delivery.attemptCount)\(sinceReplay)")
        if delivery.state == .pending {
            out.writeLine("  next attempt:   \(AdminJSON.timestampText(delivery.nextAttemptAt))")
        }
        if let holder {
            out.writeLine("  waits for:      delivery \(holder.id) of the same object (\(holder.state.rawValue), flow \(holder.flowID)), which runs first")
        }
        out.writeLine("  last error:     \(delivery.lastError ?? "none")")
        AdminCommandSupport.printTable(AttemptTable.rows(attempts), in: context)
        return .ok
    }
}
