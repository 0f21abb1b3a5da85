import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport dead-letter list`: a tenant's dead letters, filtered and paged.
struct DeadLetterListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List a tenant's dead letters in id order, filtered by reason, status, flow and time.",
        discussion: """
            Without --status every status is listed: parked ones wait for an operator, \
            replayed ones went back to the queue, resolved ones were fixed by other means, \
            and discarded ones were dropped with a reason. A replayed delivery that fails \
            again parks as a new dead letter. The table shortens a long message in its \
            middle; "ledgerport dead-letter show" prints it whole. Page with --after, passing \
            the last id of the previous page.
            """,
        examples: [
            .init("ledgerport dead-letter list --tenant acme --status parked", "List the dead letters waiting for an operator."),
            .init("ledgerport dead-letter list --tenant acme --since 2026-03-01T00:00:00Z --json", "List those parked since March 1 as JSON."),
        ],
        exitStatuses: [
            (.ok, "the dead letters were listed"),
            (.failure, "the tenant is unknown or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    /// The maximum length of the MESSAGE column; `show` or `--json` prints the whole message.
    static let messageLength = 80

    static let arguments: [ArgumentDefinition] = [
        AdminCommandSupport.tenantDefinition,
        .option("reason", value: "reason", help: "Only this reason: configuration, business, retries_exhausted or system."),
        .option("status", value: "status", help: "Only this status: parked, replayed, resolved or discarded."),
        .option("flow", value: "id", help: "Only dead letters of this flow."),
        .option("since", value: "time", help: "Only dead letters parked at or after this ISO 8601 time, such as 2026-03-01T00:00:00Z."),
        .option("after", value: "id", help: "Start after this dead letter id."),
        .option("limit", value: "count", help: "The maximum number listed, from 1 to 1000. Default: 100."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String
    let filter: DeadLetterFilter
    let after: DeadLetterID?
    let limit: Int
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        var filter = DeadLetterFilter(
            status: try AdminCommandSupport.enumOption(arguments, "status", as: DeadLetterStatus.self),
            reason: try AdminCommandSupport.enumOption(arguments, "reason", as: DeadLetterReason.self),
            flowID: arguments.option("flow").map(FlowID.init(rawValue:))
        )
        if let since = arguments.option("since") {
            guard let date = AdminCommandSupport.timestamp(since) else {
                throw .usage("invalid --since \"\(since)\": expected an ISO 8601 time", hint: "such as 2026-03-01T00:00:00Z")
            }
            filter.parkedSince = date
        }
        self.filter = filter
        after = try arguments.option("after").map { text throws(CommandError) in
            DeadLetterID(rawValue: try AdminCommandSupport.integerID(text, name: "--after", listing: "ledgerport dead-letter list"))
        }
        limit = try AdminCommandSupport.integerOption(arguments, "limit", range: 1...1_000) ?? 100
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let letters = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await DeadLetterService(store: store, clock: SystemClock(), logger: .disabled).list(tenant: tenant.id, filter: filter, after: after, limit: limit)
        }
        if printsJSON {
            AdminCommandSupport.printPage("dead_letters", letters.map(AdminJSON.deadLetter), lastID: letters.last?.id.rawValue, limit: limit, in: context)
            return .ok
        }
        var rows = [["ID", "DELIVERY", "STATUS", "REASON", "FLOW", "CODE", "PARKED AT", "MESSAGE"]]
        rows += letters.map {
            [$0.id.description, $0.deliveryID.description, $0.status.rawValue, $0.reason.rawValue, $0.flowID.rawValue, $0.errorCode,
             AdminJSON.timestampText($0.parkedAt), TextTable.elide($0.message, maximumLength: Self.messageLength)]
        }
        AdminCommandSupport.printTable(rows, in: context)
        AdminCommandSupport.printFullPageNote(shown: letters.count, limit: limit, lastID: letters.last?.id.rawValue, in: context)
        return .ok
    }
}
