import Foundation
import LedgerportMapping
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport dead-letter replay`: puts parked deliveries back in the queue, or previews what a replay would send.
struct DeadLetterReplayCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "replay",
        abstract: "Replay parked dead letters by id or by filter, optionally under another mapping version.",
        discussion: """
            A replay makes the delivery pending again; a running `ledgerport serve` on the \
            same data folder picks it up at its next poll. --mapping-version pins a version \
            number of the flow's mapping, which must be active or approved by a change request \
            in the flow's environment. --dry-run prints the operations the replay would send \
            and changes nothing; it translates the stored event with the source connector, so \
            it needs the master key from $LEDGERPORT_MASTER_KEY_FILE or $LEDGERPORT_MASTER_KEY. \
            Without ids, every parked dead letter matching the filter options is replayed.
            """,
        examples: [
            .init("ledgerport dead-letter replay 42 43 --tenant acme", "Replay dead letters 42 and 43."),
            .init("ledgerport dead-letter replay --tenant acme --reason configuration", "Replay every parked configuration failure."),
            .init("ledgerport dead-letter replay 42 --tenant acme --mapping-version 3 --dry-run", "Show what version 3 would send."),
        ],
        exitStatuses: [
            (.ok, "every selected dead letter was replayed, or the dry run was printed"),
            (.failure, "a replay failed (not parked, unapproved mapping), or the tenant or database is unavailable"),
            (.usage, "the command line is invalid"),
            (.dataError, "the dry run failed to translate or map the event"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("ids", required: false, repeating: true, help: "The dead letter ids; without ids, the filter options select parked ones."),
        AdminCommandSupport.tenantDefinition,
        .option("reason", value: "reason", help: "Without ids: only this reason."),
        .option("flow", value: "id", help: "Without ids: only this flow."),
        .option("since", value: "time", help: "Without ids: only those parked at or after this ISO 8601 time."),
        .option("limit", value: "count", help: "Without ids: the maximum number replayed, from 1 to 1000. Default: 1000."),
        .option("mapping-version", value: "n", help: "Replay under this version number of the flow's mapping instead of the delivery's."),
        .flag("dry-run", help: "Print the operations each replay would send; change nothing."),
        ActorOption.definition,
        SpecsOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let ids: [DeadLetterID]
    let filter: DeadLetterFilter
    let limit: Int
    let tenantSlug: String
    let mappingVersion: Int?
    let dryRun: Bool
    let specsOption: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        var ids = [DeadLetterID]()
        for text in arguments.positionalList("ids") {
            ids.append(DeadLetterID(rawValue: try AdminCommandSupport.integerID(text, name: "dead letter id", listing: "ledgerport dead-letter list")))
        }
        self.ids = ids
        var filter = DeadLetterFilter(
            reason: try AdminCommandSupport.enumOption(arguments, "reason", as: DeadLetterReason.self),
            flowID: arguments.option("flow").map(FlowID.init(rawValue:))
        )
        if let since = arguments.option("since") {
            guard let date = AdminCommandSupport.timestamp(since) else {
                throw .usage("invalid --since \"\(since)\": expected an ISO 8601 time", hint: "such as 2026-03-01T00:00:00Z")
            }
            filter.parkedSince = date
        }
        let filtered = filter != DeadLetterFilter() || arguments.option("limit") != nil
        if !ids.isEmpty && filtered {
            throw .usage("give dead letter ids or filter options, not both")
        }
        self.filter = filter
        limit = try AdminCommandSupport.integerOption(arguments, "limit", range: 1...1_000) ?? 1_000
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        mappingVersion = try AdminCommandSupport.integerOption(arguments, "mapping-version", range: 1...Int(Int32.max))
        dryRun = arguments.flag("dry-run")
        specsOption = arguments.option(SpecsOption.name)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        // A dry run changes nothing, so it needs no actor.
        let actor = dryRun ? nil : try ActorOption.resolve(actorOption, in: context, for: .change)
        return try await AdminCommandSupport.withServices(dataOption, specsOption: specsOption, slug: tenantSlug, unsealing: dryRun, in: context) { services, tenant in
            let service = services.deadLetters
            let selected = ids.isEmpty ? try await service.parkedIDs(matching: filter, limit: limit, tenant: tenant.id) : ids
            if dryRun {
                return try await preview(selected, service: service, tenant: tenant, context: context)
            }
            guard let actor else {
                preconditionFailure("a replay that is not a dry run has an actor")
            }
            return try await replay(selected, service: service, tenant: tenant, actor: actor, context: context)
        }
    }

    private func preview(_ selected: [DeadLetterID], service: DeadLetterService, tenant: Tenant, context: CommandContext) async throws -> ExitCode {
        var runs = [JSONValue]()
        for id in selected {
            let dryRun = try await service.dryRun(id, mappingVersion: mappingVersion, tenant: tenant.id)
            let json = try AdminJSON.replayDryRun(dryRun)
            runs.append(json)
            if !printsJSON {
                let approval = dryRun.mappingApproved ? "active or approved" : "not approved, so a replay under it is rejected"
                context.standardOutput.writeLine("dead letter \(id) under \(dryRun.mapping.mappingID) version \(dryRun.mapping.version) (\(approval)):")
                for warning in dryRun.warnings {
                    context.standardOutput.writeLine("  warning: \(warning)")
                }
                // Two mapping versions differ in the values they send, so each operation prints its values and expected amounts,
                // as `mapping dry-run` does.
                for (index, operation) in dryRun.operations.enumerated() {
                    for line in DryRunReport.describe(operation, number: index + 1) {
                        context.standardOutput.writeLine(line)
                    }
                }
            }
        }
        if printsJSON {
            AdminCommandSupport.printJSON(["dry_runs": .array(runs), "applied": false], in: context)
        }
        return .ok
    }

    private func replay(
        _ selected: [DeadLetterID], service: DeadLetterService, tenant: Tenant, actor: String, context: CommandContext
    ) async throws -> ExitCode {
        let outcomes = await service.replay(selected, mappingVersion: mappingVersion, tenant: tenant.id, actor: actor)
        var failed = 0
        for outcome in outcomes {
            switch outcome.result {
            case .replayed(let delivery):
                if !printsJSON {
                    context.standardOutput.writeLine("replayed dead letter \(outcome.deadLetterID): delivery \(delivery.id) is pending")
                }
            case .failed(let error):
                failed += 1
                report(error, of: outcome.deadLetterID, tenant: tenant, in: context)
            }
        }
        if printsJSON {
            let results = outcomes.map { AdminJSON.replayOutcome($0, describe: { error in ("replay_failed", "\(error)") }) }
            AdminCommandSupport.printJSON(
                ["results": .array(results), "replayed": .number(JSONNumber(outcomes.count - failed)), "failed": .number(JSONNumber(failed))],
                in: context
            )
        } else if outcomes.isEmpty {
            context.standardOutput.writeLine("no parked dead letter matches")
        }
        return failed == 0 ? .ok : .failure
    }

    /// Prints the failed replay of one dead letter as an `error:` line and, when there is a next step, a `hint:` line.
    private func report(_ error: any Error, of id: DeadLetterID, tenant: Tenant, in context: CommandContext) {
        let operation = "replay dead letter \(id)"
        var message = "\(error)"
        var hint: String?
        if let error = error as? StoreError {
            message = error.message
            hint = error.hint
            // `replay dead letter 4 of tenant "acme": not found` is about the dead letter, not its flow or mapping version.
            if error.code == .notFound, message.hasPrefix("\(operation) of ") {
                hint = "list the parked dead letters with `ledgerport dead-letter list --tenant \(tenant.slug) --status parked`"
            }
        }
        // Store errors already begin with the operation, so the dead letter is named only when the message does not start with it.
        context.standardError.writeLine("error: " + (message.hasPrefix(operation) ? message : "\(operation): \(message)"))
        if let hint {
            context.standardError.writeLine("hint: \(hint)")
        }
    }
}
