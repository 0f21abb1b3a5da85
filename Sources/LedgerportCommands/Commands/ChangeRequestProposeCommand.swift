import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request propose`: opens a request to activate a stored mapping version in an environment.
struct ChangeRequestProposeCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "propose",
        abstract: "Propose activating a published mapping version in an environment.",
        discussion: """
            The request records evidence for its reviewers: the version's digest, the version \
            in force and the content changes from it, and a dry run of both versions over the \
            tenant's newest stored events. The dry run reads the source connections' events, so \
            it runs only when the master key is set ($LEDGERPORT_MASTER_KEY_FILE); without it \
            the evidence says that it was skipped.
            """,
        examples: [
            .init(
                "ledgerport change-request propose --tenant acme --mapping stripe-invoices --version 2 --environment production --summary \"Post invoices in EUR\" --as revops@acme.example",
                "Propose activating version 2 of stripe-invoices in production."),
        ],
        exitStatuses: [
            (.ok, "the request was opened"),
            (.failure, "the tenant or the mapping version is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid, or the tenant has no such environment"),
            (.dataError, "the summary is blank"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        AdminCommandSupport.tenantDefinition,
        .option("mapping", value: "id", help: "The mapping id. Required.", required: true),
        .option("version", value: "n", help: "The stored version number to activate. Required.", required: true),
        .option("environment", value: "name", help: "The environment to activate it in. Default: test."),
        .option("summary", value: "text", help: "What the change does, for the reviewers. Required.", required: true),
        ActorOption.governanceDefinition(recordedAs: "the proposer"),
        DataOption.definition,
        SpecsOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String
    let version: MappingVersionReference
    let environment: EnvironmentName
    let summary: String
    let proposer: String?
    let dataOption: String?
    let specsOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        if let text = arguments.option("version"), Int(text) == nil {
            throw .usage(
                "invalid --version \"\(text)\": expected the stored version number, such as 2",
                hint: "the tenant numbers a mapping's stored versions 1, 2, 3 apart from the document's own version; "
                    + "list them with ledgerport mapping list --tenant <slug>")
        }
        guard let mapping = arguments.option("mapping"), let number = try AdminCommandSupport.integerOption(arguments, "version", range: 1...Int(Int32.max)) else {
            throw .usage("missing option --mapping or --version", hint: "name the mapping and its stored version, such as --mapping stripe-invoices --version 2")
        }
        version = MappingVersionReference(mappingID: MappingID(rawValue: mapping), version: number)
        environment = EnvironmentName(rawValue: arguments.option("environment") ?? EnvironmentName.test.rawValue)
        guard let summary = arguments.option("summary") else {
            throw .usage("missing option --summary", hint: "say what the change does, such as --summary \"Post invoices in EUR\"")
        }
        self.summary = summary
        proposer = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        specsOption = arguments.option(SpecsOption.name)
        printsJSON = arguments.flag("json")
    }

    static let dryRunSkipped =
        "not run: proposed through the command line without the master key, which reading the source's events needs; "
        + "propose with LEDGERPORT_MASTER_KEY_FILE set, or through the admin API"

    func run(in context: CommandContext) async throws -> ExitCode {
        let proposer = try ActorOption.resolve(proposer, in: context, for: .governance)
        // The dry run reads the source connections' events, which needs the master key; without one the evidence records that it was skipped.
        let unsealing = context.environment["LEDGERPORT_MASTER_KEY_FILE"] != nil || context.environment["LEDGERPORT_MASTER_KEY"] != nil
        let request = try await AdminCommandSupport.withServices(
            dataOption, specsOption: specsOption, slug: tenantSlug, unsealing: unsealing, in: context
        ) { services, tenant in
            try await AdminCommandSupport.requireEnvironment(
                environment, operation: ChangeRequestWorkflow.proposalOperation(version, environment: environment), tenant: tenant.id,
                store: services.store)
            var workflow = ChangeRequestWorkflow(store: services.store)
            workflow.dryRun = services.proposalDryRun
            // Reviewers see that the dry run is missing, and why, instead of no dry run at all.
            let skipped: JSONValue = workflow.dryRun != nil ? [:] : ["dry_run": ["problem": .string(Self.dryRunSkipped)]]
            return try await workflow.proposeActivation(
                of: version, environment: environment, summary: summary, evidence: skipped, tenant: tenant.id, proposer: proposer)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(ChangeRequestCommand.json(request, []), in: context)
        } else {
            context.standardOutput.writeLine("opened change request \(request.id): activate \(version.mappingID) version \(version.version) in \(environment)")
        }
        return .ok
    }
}
