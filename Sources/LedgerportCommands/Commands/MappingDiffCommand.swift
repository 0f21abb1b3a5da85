import LedgerportMapping
import LedgerportSDK

/// `ledgerport mapping diff`: compares the operations of two mapping versions over recorded events.
struct MappingDiffCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "diff",
        abstract: "Show which operations and which amounts per currency change between two mapping versions.",
        discussion: """
            Runs both mappings over the same events and lists, per event, the operations \
            added (+), removed (-) and changed (~) with each changed field, then the sum of \
            the amounts sent per currency under each version (each document's expected \
            total, such as an invoice's amount_total with its tax, else the money values, \
            such as a payment's amount). A governance board reviews a change request with this output. A new \
            document under an already published name and version is flagged, since \
            publishing it would be rejected.
            """,
        examples: [
            .init("ledgerport mapping diff --from v1.json --to v2.json --event events/*.json", "Review a mapping change."),
            .init("ledgerport mapping diff --from stripe_invoice_to_odoo --to mine.json --json --event a.json", "Compare a default mapping with your own, as JSON."),
        ],
        exitStatuses: [
            (.ok, "the diff was printed"),
            (.failure, "the connector specs cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "a mapping or an event file is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        SpecsOption.definition,
        .option("from", value: "file", help: "The mapping in force: a file, or the name of a default mapping."),
        .option("to", value: "file", help: "The proposed mapping: a file, or the name of a default mapping."),
        MappingCommandSupport.eventDefinition,
        MappingCommandSupport.timeZoneDefinition,
        MappingCommandSupport.tenantDefinition,
        MappingCommandSupport.lookupsDefinition,
        .flag("json", help: "Print the diff as a JSON object with the members from, to, events, amounts and summary."),
        MappingCommandSupport.moreEventsDefinition,
    ]

    let arguments: ParsedArguments
    let fromFile: String
    let toFile: String
    let eventFiles: [String]

    init(arguments: ParsedArguments) throws(CommandError) {
        guard let fromFile = arguments.option("from"), let toFile = arguments.option("to") else {
            throw .usage("diff needs both --from and --to", hint: "write --from <file> --to <file>")
        }
        self.arguments = arguments
        self.fromFile = fromFile
        self.toFile = toFile
        self.eventFiles = try MappingCommandSupport.eventFiles(arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let environment = try MappingCommandSupport.environment(specsOption: arguments.option(SpecsOption.name), in: context).environment
        let old = try MappingCommandSupport.mapping(fromFile, environment: environment, in: context)
        let new = try MappingCommandSupport.mapping(toFile, environment: environment, in: context)
        let evaluation = try MappingCommandSupport.evaluationContext(arguments, in: context)
        let events = try await MappingCommandSupport.events(eventFiles, in: context)

        let diff: MappingDiff
        do throws(MoneyError) {
            diff = try MappingDiff.compute(from: old, to: new, events: events, context: evaluation)
        } catch {
            throw CommandError.invalidData("sum the amounts of the events: \(error)")
        }
        if arguments.flag("json") {
            context.standardOutput.writeLine(JSONWriter.string(diff.json, style: .pretty))
        } else {
            context.standardOutput.write(diff.text)
        }
        return .ok
    }
}
