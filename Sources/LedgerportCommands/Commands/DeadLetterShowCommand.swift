import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport dead-letter show`: one dead letter with its delivery, attempts and event.
struct DeadLetterShowCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "show",
        abstract: "Show a dead letter with its reason, the target's message, every attempt and the correlation id.",
        examples: [
            .init("ledgerport dead-letter show 42 --tenant acme", "Show dead letter 42."),
            .init("ledgerport dead-letter show 42 --tenant acme --json", "Print it with its delivery, attempts and event as JSON."),
        ],
        exitStatuses: [
            (.ok, "the dead letter was shown"),
            (.failure, "the tenant or the dead letter is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The dead letter id."),
        AdminCommandSupport.tenantDefinition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: DeadLetterID
    let tenantSlug: String
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = DeadLetterID(rawValue: try AdminCommandSupport.integerID(arguments.positional("id"), name: "dead letter id", listing: "ledgerport dead-letter list"))
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let detail = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await DeadLetterService(store: store, clock: SystemClock(), logger: .disabled).detail(id, tenant: tenant.id)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.deadLetterDetail(detail), in: context)
            return .ok
        }
        let letter = detail.deadLetter
        let out = context.standardOutput
        out.writeLine("dead letter \(letter.id): \(letter.status.rawValue), reason \(letter.reason.rawValue), flow \(letter.flowID)")
        out.writeLine("  error:          \(letter.errorCode): \(letter.message)")
        out.writeLine("  target message: \(letter.targetMessage ?? "none")")
        out.writeLine("  correlation id: \(letter.correlationID)")
        out.writeLine("  event:          \(detail.event.sourceEventID) (\(detail.event.eventType)), received \(AdminJSON.timestampText(detail.event.receivedAt))")
        out.writeLine("  delivery:       \(detail.delivery.id), \(detail.delivery.state.rawValue)")
        if let reason = letter.closeReason {
            out.writeLine("  closed:         \(reason) by \(letter.closedBy ?? "unknown")")
        }
        AdminCommandSupport.printTable(AttemptTable.rows(detail.attempts), in: context)
        return .ok
    }
}
