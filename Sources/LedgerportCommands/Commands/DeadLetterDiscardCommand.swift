import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport dead-letter discard`: drops a parked dead letter on purpose, with a reason.
struct DeadLetterDiscardCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "discard",
        abstract: "Discard a parked dead letter with a reason; its delivery is never attempted again.",
        examples: [
            .init("ledgerport dead-letter discard 42 --tenant acme --reason \"test customer\"", "Discard dead letter 42."),
        ],
        exitStatuses: [
            (.ok, "the dead letter was discarded"),
            (.failure, "the tenant or the dead letter is unknown, it is not parked, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The dead letter id."),
        AdminCommandSupport.tenantDefinition,
        .option("reason", value: "text", help: "Why the delivery is dropped, kept in the audit log. Required.", required: true),
        ActorOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: DeadLetterID
    let tenantSlug: String
    let reason: String
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = DeadLetterID(rawValue: try AdminCommandSupport.integerID(arguments.positional("id"), name: "dead letter id", listing: "ledgerport dead-letter list"))
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let reason = arguments.option("reason"), !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .usage("missing option --reason", hint: "say why the delivery is dropped, such as --reason \"duplicate customer\"")
        }
        self.reason = reason
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let letter = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await DeadLetterService(store: store, clock: SystemClock(), logger: .disabled)
                .discard(id, reason: reason, tenant: tenant.id, actor: actor)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.deadLetter(letter), in: context)
        } else {
            context.standardOutput.writeLine("discarded dead letter \(letter.id) of tenant \(tenantSlug): \(reason)")
        }
        return .ok
    }
}
