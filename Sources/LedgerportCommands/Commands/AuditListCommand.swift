import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport audit list`: one page of a tenant's or the platform's audit chain, in sequence order.
struct AuditListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List the entries of a tenant's or the platform's audit chain in sequence order.",
        discussion: """
            Page with --after, passing the last sequence number of the previous page. \
            --json prints each entry with its hash and the previous entry's hash.
            """,
        examples: [
            .init("ledgerport audit list --tenant acme", "List the tenant's first 100 entries."),
            .init("ledgerport audit list --tenant acme --after 100 --limit 50 --json", "Print the next 50 entries as JSON."),
            .init("ledgerport audit list", "List the platform's entries."),
        ],
        exitStatuses: [
            (.ok, "the entries were listed"),
            (.failure, "the tenant is unknown or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        AuditCommand.tenantDefinition,
        .option("after", value: "n", help: "Start after this sequence number. Default: 0, the start of the chain."),
        .option("limit", value: "count", help: "The maximum number listed, from 1 to 1000. Default: 100."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String?
    let after: Int64
    let limit: Int
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = arguments.option("tenant")
        if let text = arguments.option("after") {
            guard let value = Int64(text), value >= 0 else {
                throw .usage("invalid --after \"\(text)\": expected a sequence number, 0 or more", hint: "pass the last sequence number of the previous page")
            }
            after = value
        } else {
            after = 0
        }
        limit = try AdminCommandSupport.integerOption(arguments, "limit", range: 1...1_000) ?? 100
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let entries = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            let scope = try await AuditCommandSupport.scope(tenantSlug, in: store)
            return try await AdminCommandSupport.translatingErrors { try await store.auditEntries(scope: scope, after: after, limit: limit) }
        }
        if printsJSON {
            AdminCommandSupport.printPage("entries", entries.map(AdminJSON.auditEntry), lastID: entries.last?.sequence, limit: limit, in: context)
            return .ok
        }
        guard !entries.isEmpty else {
            context.standardOutput.writeLine("no audit entry after \(after) in the \(AuditCommandSupport.chainName(tenantSlug))")
            return .ok
        }
        var rows = [["SEQ", "OCCURRED AT", "ACTOR", "ACTION", "SUBJECT", "DETAILS"]]
        rows += entries.map {
            [String($0.sequence), AdminJSON.timestampText($0.occurredAt), $0.actor, $0.action, "\($0.subjectKind) \($0.subjectID)", JSONWriter.string($0.details)]
        }
        AdminCommandSupport.printTable(rows, in: context)
        // A full page may have more entries after it. The JSON output sets next_after for that case.
        if entries.count == limit, let last = entries.last {
            let tenant = tenantSlug.map { " --tenant \($0)" } ?? ""
            context.standardOutput.writeLine(
                "\(limit) entries shown, the page's limit; for the next page: ledgerport audit list\(tenant) --after \(last.sequence) --limit \(limit)")
        }
        return .ok
    }
}
