import LedgerportCore
import LedgerportMapping
import LedgerportSDK

/// `ledgerport mapping dry-run`: prints the operations a mapping would send for recorded events.
struct MappingDryRunCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "dry-run",
        abstract: "Print the operations a mapping would send to the target for recorded events, without sending them.",
        discussion: """
            Each event file holds a canonical event, a list of them, or a source's native \
            payload (a webhook body, or a recorded request with a raw_body member), which the \
            source's connector translates first. A canonical event is taken as written, so an \
            explicit null stays apart from a missing field. Every operation is also checked \
            against the target spec. --mapping takes a file, or the name of a default mapping.
            """,
        examples: [
            .init("ledgerport mapping dry-run --mapping stripe_invoice_to_odoo --event in.json", "Show the Odoo writes of the default invoice mapping for one event."),
            .init("ledgerport mapping dry-run --mapping mine.json --time-zone Europe/Berlin --event a.json b.json", "Take dates in Berlin time, for two event files."),
            .init("ledgerport mapping dry-run --mapping mine.json --json --event events.json", "Print the operations as JSON."),
        ],
        exitStatuses: [
            (.ok, "every event evaluated, or was not one the mapping handles"),
            (.failure, "the connector specs cannot be read"),
            (.usage, "the command line is invalid"),
            (.dataError, "the mapping or an event file is invalid, or an event failed to evaluate"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        SpecsOption.definition,
        .option("mapping", value: "file", help: "The mapping file, or the name of a default mapping."),
        MappingCommandSupport.eventDefinition,
        MappingCommandSupport.timeZoneDefinition,
        MappingCommandSupport.tenantDefinition,
        MappingCommandSupport.lookupsDefinition,
        .flag("json", help: "Print the report as a JSON object with the members mapping, digest and events."),
        MappingCommandSupport.moreEventsDefinition,
    ]

    let arguments: ParsedArguments
    let mappingFile: String
    let eventFiles: [String]

    init(arguments: ParsedArguments) throws(CommandError) {
        guard let mappingFile = arguments.option("mapping") else {
            throw .usage("no mapping given", hint: "name it with --mapping <file>")
        }
        self.arguments = arguments
        self.mappingFile = mappingFile
        self.eventFiles = try MappingCommandSupport.eventFiles(arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let loaded = try MappingCommandSupport.environment(specsOption: arguments.option(SpecsOption.name), in: context)
        let mapping = try MappingCommandSupport.mapping(mappingFile, environment: loaded.environment, in: context)
        let evaluation = try MappingCommandSupport.evaluationContext(arguments, in: context)
        let events = try await MappingCommandSupport.events(eventFiles, in: context)

        let checker = loaded.spec(for: mapping).map(OperationChecker.init(spec:))
        let report = MappingDryRun.run(mapping, events: events, context: evaluation, checker: checker)
        if arguments.flag("json") {
            context.standardOutput.writeLine(JSONWriter.string(report.json, style: .pretty))
        } else {
            context.standardOutput.write(report.text)
        }
        return report.hasFailures ? .dataError : .ok
    }
}
