import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport flow create`: creates a real-time or scheduled flow, deriving its event types from the source spec and the mapping.
struct FlowCreateCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "create",
        abstract: "Create a real-time or scheduled flow from a source connection through a mapping to a target connection.",
        discussion: """
            A real-time flow takes the source's native event types whose canonical types the \
            mapping reads, per the source connector's spec. With --schedule the flow is scheduled \
            instead: once per window of the schedule, in the tenant's time zone and after the \
            window ends, it lists the objects the source created in the window and delivers them \
            (a backfill or extract). Its first run covers the last finished window. The mapping \
            needs a version active in the environment, activated through an approved change \
            request; without one the flow is refused. Events stored before a real-time flow \
            existed get deliveries only through "ledgerport flow deliver-stored".
            """,
        examples: [
            .init(
                "ledgerport flow create stripe-invoices --tenant acme --source stripe-live --target odoo --mapping stripe-invoices --environment production",
                "Create the flow in production."),
            .init(
                #"ledgerport flow create nightly-customers --tenant acme --source stripe-live --target odoo --mapping stripe-customers --schedule '{"daily_at": "02:00"}'"#,
                "List the customers Stripe created each day, from 02:00 to 02:00 in the tenant's time zone, and deliver them after 02:00."),
            .init(
                #"ledgerport flow create stripe-invoices --tenant acme --source stripe-live --target odoo --mapping stripe-invoices --retry-policy '{"maximum_attempts": 3}'"#,
                "Park a failing delivery after three attempts instead of eight."),
        ],
        exitStatuses: [
            (.ok, "the flow was created"),
            (.failure, "the tenant, a connection or the mapping is unknown, the id is taken, or the database cannot be opened"),
            (.usage, "the command line is invalid, or the tenant has no such environment"),
            (.dataError, "the connections or the mapping do not fit together"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("id", help: "The flow id, unique within the tenant, such as stripe-invoices."),
        AdminCommandSupport.tenantDefinition,
        .option("source", value: "connection", help: "The source connection id, such as stripe-live. Required.", required: true),
        .option("target", value: "connection", help: "The target connection id, such as odoo. Required.", required: true),
        .option("mapping", value: "id", help: "The mapping id, published with \"ledgerport mapping publish\". Required.", required: true),
        .option("environment", value: "name", help: "The tenant environment of both connections. Default: test."),
        .option(
            "schedule", value: "json",
            help: #"Make the flow scheduled: {"every_minutes": 15}, {"daily_at": "02:00"} or {"monthly_on_day": 1, "at": "03:00"}."#),
        .option(
            "retry-policy", value: "json",
            help: #"Retries of failed deliveries and of a scheduled flow's failed windows, such as {"maximum_attempts": 3, "maximum_delay_seconds": 10}; members left out keep the defaults (8 attempts, 1 to 60 s)."#),
        SpecsOption.definition,
        ActorOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let id: FlowID
    let tenantSlug: String
    let source: ConnectionID
    let target: ConnectionID
    let mappingID: MappingID
    let environment: EnvironmentName
    let schedule: FlowSchedule?
    let retryPolicy: RetryPolicy
    let specsOption: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = FlowID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let source = arguments.option("source"), let target = arguments.option("target"), let mapping = arguments.option("mapping") else {
            let missing = ["source", "target", "mapping"].filter { arguments.option($0) == nil }
            throw .usage(
                "missing option " + missing.map { "--\($0)" }.joined(separator: ", "),
                hint: "name the source connection (--source), the target connection (--target) and the mapping (--mapping)")
        }
        self.source = ConnectionID(rawValue: source)
        self.target = ConnectionID(rawValue: target)
        mappingID = MappingID(rawValue: mapping)
        environment = EnvironmentName(rawValue: arguments.option("environment") ?? EnvironmentName.test.rawValue)
        schedule = try arguments.option("schedule").map { text throws(CommandError) in
            try FlowSettingOption.schedule(text)
        }
        retryPolicy = try arguments.option("retry-policy").map { text throws(CommandError) in
            try FlowSettingOption.retryPolicy(text)
        } ?? .standard
        specsOption = arguments.option(SpecsOption.name)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let flow = try await AdminCommandSupport.withServices(dataOption, specsOption: specsOption, slug: tenantSlug, unsealing: false, in: context) { services, tenant in
            try await AdminCommandSupport.requireEnvironment(
                environment, operation: "create flow \"\(id)\" in environment \"\(environment)\"", tenant: tenant.id, store: services.store)
            let version = try await mappingVersion(services.store, tenant: tenant.id)
            let mapping = try await services.mappings.mapping(version, tenant: tenant.id)
            return try await services.flowProvisioner.createFlow(
                id: id, environment: environment, source: source, target: target, mapping: mapping, mappingID: mappingID,
                mode: schedule == nil ? .realtime : .scheduled, schedule: schedule, retryPolicy: retryPolicy, tenant: tenant.id, actor: actor
            )
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.flow(flow), in: context)
        } else if let schedule = flow.schedule {
            context.standardOutput.writeLine(
                "created scheduled flow \(flow.id) for tenant \(tenantSlug): \(flow.sourceConnectionID) -> \(flow.mappingID) -> \(flow.targetConnectionID), "
                    + "schedule \(JSONWriter.string(schedule)); see its next run with \"ledgerport flow show \(flow.id) --tenant \(tenantSlug)\"")
        } else {
            context.standardOutput.writeLine(
                "created flow \(flow.id) for tenant \(tenantSlug): \(flow.sourceConnectionID) -> \(flow.mappingID) -> \(flow.targetConnectionID), "
                    + "event types \(flow.nativeEventTypes.joined(separator: ", "))")
        }
        return .ok
    }

    /// The mapping's version active in the environment, else its newest stored version, which the flow provisioner then refuses by name.
    private func mappingVersion(_ store: any Store, tenant: TenantID) async throws -> MappingVersionReference {
        if let active = try await store.activeMappingVersion(mapping: mappingID, environment: environment, tenant: tenant) {
            return active.mapping
        }
        guard let newest = try await store.mappingVersions(mapping: mappingID, tenant: tenant).last else {
            try await MappingLookup.requireKnown(
                mappingID, operation: "create flow \"\(id)\" with mapping \"\(mappingID)\"", tenant: tenant, store: store)
            throw CommandError.failure(
                "create flow \"\(id)\": mapping \"\(mappingID)\" has no version", hint: "publish one with \"ledgerport mapping publish FILE --tenant \(tenantSlug) --id \(mappingID)\"")
        }
        return newest.reference
    }
}
