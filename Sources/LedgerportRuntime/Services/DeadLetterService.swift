import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// What operators do with parked deliveries: list, inspect, replay (optionally under another mapping version, after a dry run) and discard.
///
/// The admin API and the `ledgerport dead-letter` commands both go through
/// this type, so both apply the same rules:
///
/// - a replay puts the delivery back to `pending` through
///   ``DeadLetterStore/replayDeadLetter(_:notBefore:mapping:tenant:actor:)``
///   and wakes the delivery engine;
/// - a replay pinned to another mapping version names a version number of
///   the flow's own mapping. It is allowed only when that version is active
///   or approved in the flow's environment (see ``MappingApproval``), so
///   nothing runs under an unapproved mapping;
/// - a dry run translates the stored event and evaluates the mapping version
///   exactly as a delivery would, and writes nothing;
/// - discarding closes the dead letter with the reason and the actor.
///
/// The store appends the audit entry of every replay and discard in the same
/// transaction as the change. A dry run reads only, so it leaves no entry.
package struct DeadLetterService: Sendable {
    /// The store whose dead letters the service changes; it audits every change.
    package let store: any Store
    /// Plans operations for dry runs; nil where no connector can be built (the master key is missing), which makes dry runs fail.
    let planner: DeliveryPlanner?
    let clock: any WallClock
    let wake: @Sendable () -> Void
    let logger: Logger

    /// Creates a service that lists, replays and discards, without dry runs; for processes that have no connectors.
    package init(store: any Store, clock: any WallClock, logger: Logger) {
        self.init(store: store, planner: nil, clock: clock, wake: {}, logger: logger)
    }

    init(store: any Store, planner: DeliveryPlanner?, clock: any WallClock, wake: @escaping @Sendable () -> Void, logger: Logger) {
        self.store = store
        self.planner = planner
        self.clock = clock
        self.wake = wake
        self.logger = logger
    }

    /// Lists dead letters matching `filter` in id order after `after`, at most `limit`.
    ///
    /// - Throws: ``StoreError`` `not_found` when the filter names a flow the tenant does not have.
    package func list(tenant: TenantID, filter: DeadLetterFilter, after: DeadLetterID?, limit: Int) async throws -> [DeadLetter] {
        try await requireKnownFlow(in: filter, tenant: tenant)
        return try await store.deadLetters(tenant: tenant, filter: filter, after: after, limit: limit)
    }

    /// Reads a dead letter with its delivery, every attempt of that delivery, and the event.
    package func detail(_ id: DeadLetterID, tenant: TenantID) async throws -> DeadLetterDetail {
        let letter = try await store.deadLetter(id, tenant: tenant)
        let delivery = try await store.delivery(letter.deliveryID, tenant: tenant)
        let attempts = try await store.deliveryAttempts(delivery: letter.deliveryID, tenant: tenant)
        let event = try await store.event(letter.eventID, tenant: tenant)
        return DeadLetterDetail(deadLetter: letter, delivery: delivery, attempts: attempts, event: event)
    }

    /// Replays one parked dead letter now, under its delivery's mapping version or under version `mappingVersion` of the flow's mapping.
    ///
    /// - Throws: ``DeadLetterServiceError`` when the version is not approved
    ///   for the flow's environment. ``StoreError`` `conflict` when the dead
    ///   letter is not parked, and `not_found` when it or the version does not exist.
    package func replay(_ id: DeadLetterID, mappingVersion: Int?, tenant: TenantID, actor: String) async throws -> Delivery {
        let letter = try await letterToReplay(id, tenant: tenant)
        var mapping: MappingVersionReference?
        if let mappingVersion {
            let flow = try await store.flow(letter.flowID, tenant: tenant)
            let reference = MappingVersionReference(mappingID: flow.mappingID, version: mappingVersion)
            try await requireApproved(reference, flow: flow, letter: letter, tenant: tenant)
            mapping = reference
        }
        let delivery = try await store.replayDeadLetter(id, notBefore: clock.now(), mapping: mapping, tenant: tenant, actor: actor)
        logger.info("replayed dead letter", metadata: [
            LogMetadataKey.tenantID: .string(tenant.rawValue), LogMetadataKey.deliveryID: .string(delivery.id.description),
            "dead_letter.id": .string(id.description), LogMetadataKey.correlationID: .string(letter.correlationID),
        ])
        wake()
        return delivery
    }

    /// Reads the dead letter to replay. A missing one gets `not_found` under the operation the caller ran,
    /// `replay dead letter 4 of tenant "acme"`, rather than the store's `read dead letter`.
    private func letterToReplay(_ id: DeadLetterID, tenant: TenantID) async throws -> DeadLetter {
        do {
            return try await store.deadLetter(id, tenant: tenant)
        } catch let error as StoreError where error.code == .notFound {
            let slug = try await store.tenant(tenant).slug
            // The remedy travels on, so the admin API names its route and the CLI its command.
            if let remedy = error.remedy {
                throw StoreError.notFound("replay dead letter", "\(id) of tenant \"\(slug)\"", remedy: remedy, tenantSlug: slug)
            }
            throw StoreError.notFound("replay dead letter", "\(id) of tenant \"\(slug)\"", hint: error.hint)
        }
    }

    /// The maximum number of replays of one bulk request that run at once.
    ///
    /// Concurrent replays share the store's commits. Run one after the other,
    /// each waited for its own flush, so `ledgerport-bench replay` marked 475
    /// dead letters per second; 64 at a time marked about 2,800.
    static let replayConcurrency = 64

    /// Replays each dead letter of `ids` and reports the outcome of each, in the order of `ids`; one failure does not stop the others.
    package func replay(_ ids: [DeadLetterID], mappingVersion: Int?, tenant: TenantID, actor: String) async -> [ReplayOutcome] {
        var outcomes = [ReplayOutcome?](repeating: nil, count: ids.count)
        for start in stride(from: 0, to: ids.count, by: Self.replayConcurrency) {
            let range = start..<min(start + Self.replayConcurrency, ids.count)
            await withTaskGroup(of: (Int, ReplayOutcome).self) { group in
                for index in range {
                    group.addTask {
                        (index, await replayOne(ids[index], mappingVersion: mappingVersion, tenant: tenant, actor: actor))
                    }
                }
                for await (index, outcome) in group {
                    outcomes[index] = outcome
                }
            }
        }
        return outcomes.map { outcome in
            guard let outcome else {
                preconditionFailure("every replay of a bulk request reports an outcome")
            }
            return outcome
        }
    }

    /// Replays one dead letter of a bulk request, logging a failure instead of throwing it.
    private func replayOne(_ id: DeadLetterID, mappingVersion: Int?, tenant: TenantID, actor: String) async -> ReplayOutcome {
        do {
            let delivery = try await replay(id, mappingVersion: mappingVersion, tenant: tenant, actor: actor)
            return ReplayOutcome(deadLetterID: id, result: .replayed(delivery))
        } catch {
            logger.warning("replay dead letter failed", metadata: [
                LogMetadataKey.tenantID: .string(tenant.rawValue), "dead_letter.id": .string(id.description),
                LogMetadataKey.error: .string("\(error)"),
            ])
            return ReplayOutcome(deadLetterID: id, result: .failed(error))
        }
    }

    /// Lists the ids of the parked dead letters that `filter` selects, at most `limit`, for a replay by filter; `filter.status` is ignored.
    package func parkedIDs(matching filter: DeadLetterFilter, limit: Int, tenant: TenantID) async throws -> [DeadLetterID] {
        try await requireKnownFlow(in: filter, tenant: tenant)
        var parked = filter
        parked.status = .parked
        return try await store.deadLetters(tenant: tenant, filter: parked, after: nil, limit: limit).map(\.id)
    }

    /// Throws `not_found` with the closest flow id when `filter` names a flow the tenant does not have.
    ///
    /// A misspelt flow would otherwise match no dead letter, and a replay by filter would report nothing to replay.
    private func requireKnownFlow(in filter: DeadLetterFilter, tenant: TenantID) async throws {
        guard let flow = filter.flowID else {
            return
        }
        try await FlowLookup.requireKnown(flow, operation: "select dead letters of flow \"\(flow)\"", tenant: tenant, store: store)
    }

    /// Computes the operations a replay would send, under version `mappingVersion` of the flow's mapping or the delivery's own version, without changing anything.
    ///
    /// Any stored version can be previewed, approved or not, and
    /// ``ReplayDryRun/mappingApproved`` tells whether a replay under it would be allowed.
    /// - Throws: ``DeadLetterServiceError`` when this service has no planner;
    ///   the connector's or the mapping's classified error when the event
    ///   cannot be translated or mapped.
    package func dryRun(_ id: DeadLetterID, mappingVersion: Int?, tenant: TenantID) async throws -> ReplayDryRun {
        guard let planner else {
            throw DeadLetterServiceError.dryRunUnavailable(id)
        }
        let letter = try await store.deadLetter(id, tenant: tenant)
        let delivery = try await store.delivery(letter.deliveryID, tenant: tenant)
        let flow = try await store.flow(letter.flowID, tenant: tenant)
        guard let reference = mappingVersion.map({ MappingVersionReference(mappingID: flow.mappingID, version: $0) }) ?? delivery.mapping else {
            throw DeadLetterServiceError.noMappingVersion(id)
        }
        let event = try await store.event(letter.eventID, tenant: tenant)
        let owner = try await store.tenant(tenant)

        let plan = try await planner.plan(event, mapping: reference, flow: flow, tenant: owner)
        let approved = try await MappingApproval(store: store).isApproved(reference, environment: flow.environment, tenant: tenant)
        return ReplayDryRun(
            deadLetterID: id, mapping: reference, mappingApproved: approved, operations: plan.operations, skippedStale: plan.skippedStale,
            warnings: Self.warnings(letter: letter, replayMapping: reference, parkedMapping: delivery.mapping)
        )
    }

    /// Returns a warning when the dry run sends the operations that the target already rejected for a business reason.
    ///
    /// The dry run cannot ask the target whether it would accept the
    /// operations. But a business rejection (a price precision, a locked
    /// period) replayed under the mapping version that produced it sends the
    /// same values, so it fails again unless someone fixed the cause in the
    /// target or the source in the meantime.
    static func warnings(letter: DeadLetter, replayMapping: MappingVersionReference, parkedMapping: MappingVersionReference?) -> [String] {
        guard letter.reason == .business, replayMapping == parkedMapping else {
            return []
        }
        let rejection = letter.targetMessage.map { "\(letter.errorCode): \($0)" } ?? "\(letter.errorCode): \(letter.message)"
        return [
            "the target rejected this record for a business reason (\(rejection)), and this replay sends the operations of the same "
                + "mapping version, \(replayMapping.mappingID) version \(replayMapping.version); expect the same rejection unless the cause "
                + "was fixed in the target or the source, or replay under a mapping version that avoids it"
        ]
    }

    /// Closes a parked dead letter as discarded, with the operator's reason; its delivery becomes `discarded`.
    package func discard(_ id: DeadLetterID, reason: String, tenant: TenantID, actor: String) async throws -> DeadLetter {
        let letter = try await store.closeDeadLetter(id, as: .discarded, reason: reason, tenant: tenant, actor: actor)
        logger.info("discarded dead letter", metadata: [
            LogMetadataKey.tenantID: .string(tenant.rawValue), "dead_letter.id": .string(id.description),
            LogMetadataKey.correlationID: .string(letter.correlationID),
        ])
        return letter
    }

    private func requireApproved(_ mapping: MappingVersionReference, flow: Flow, letter: DeadLetter, tenant: TenantID) async throws {
        _ = try await store.mappingVersion(mapping.version, mapping: mapping.mappingID, tenant: tenant)
        guard try await MappingApproval(store: store).isApproved(mapping, environment: flow.environment, tenant: tenant) else {
            let open = try await MappingApproval(store: store).openRequest(for: mapping, environment: flow.environment, tenant: tenant)
            throw DeadLetterServiceError.mappingNotApproved(
                id: letter.id, mapping: mapping, environment: flow.environment, openRequest: open.map { ($0.request.id, $0.approvals) })
        }
    }
}

/// A dead letter with what an operator needs to judge it: the delivery, its attempts and the event.
package struct DeadLetterDetail: Sendable {
    /// The dead letter itself.
    package let deadLetter: DeadLetter
    /// The parked (or replayed) delivery.
    package let delivery: Delivery
    /// Every attempt of the delivery, across replays, oldest first.
    package let attempts: [DeliveryAttempt]
    /// The event the delivery applies.
    package let event: StoredEvent
}

/// The result of replaying one dead letter of a batch.
package struct ReplayOutcome: Sendable {
    /// The replayed delivery, or the error that stopped the replay.
    package enum Result: Sendable {
        case replayed(Delivery)
        case failed(any Error)
    }

    /// The dead letter the outcome is about.
    package let deadLetterID: DeadLetterID
    /// What happened to it.
    package let result: Result
}

/// The operations a replay would send, and whether the mapping version may be used for a real replay.
package struct ReplayDryRun: Sendable {
    /// The dead letter previewed.
    package let deadLetterID: DeadLetterID
    /// The mapping version the operations were evaluated with.
    package let mapping: MappingVersionReference
    /// Whether the version is active or approved in the flow's environment; a replay under it is rejected otherwise.
    package let mappingApproved: Bool
    /// The operations the replay would send, in order.
    package let operations: [TargetOperation]
    /// Canonical event ids left out because the target already has a newer state of their object.
    package let skippedStale: [String]
    /// Reasons to expect the replay to fail although the dry run succeeded, such as a business rejection replayed unchanged.
    package let warnings: [String]
}

/// A dead-letter action that the service's rules reject.
package enum DeadLetterServiceError: Error, Sendable, CustomStringConvertible {
    /// `openRequest` is the open change request proposing the version, with its distinct approvals so far.
    case mappingNotApproved(
        id: DeadLetterID, mapping: MappingVersionReference, environment: EnvironmentName, openRequest: (id: ChangeRequestID, approvals: Int)?)
    case noMappingVersion(DeadLetterID)
    case dryRunUnavailable(DeadLetterID)

    /// A stable snake_case code for programs.
    package var code: String {
        switch self {
        case .mappingNotApproved: "mapping_not_approved"
        case .noMappingVersion: "mapping_not_pinned"
        case .dryRunUnavailable: "dry_run_unavailable"
        }
    }

    /// The message for people: the dead letter, the rule broken and what to do.
    package var description: String {
        switch self {
        case .mappingNotApproved(let id, let mapping, let environment, let openRequest?):
            "replay dead letter \(id): mapping \(mapping.mappingID) version \(mapping.version) is neither active nor approved in \(environment); "
                + "change request \(openRequest.id) proposes it and has \(openRequest.approvals) approval\(openRequest.approvals == 1 ? "" : "s") "
                + "so far; replay once the board has approved it"
        case .mappingNotApproved(let id, let mapping, let environment, nil):
            "replay dead letter \(id): mapping \(mapping.mappingID) version \(mapping.version) is neither active nor approved in \(environment); "
                + "propose its activation with a change request and have it approved first"
        case .noMappingVersion(let id):
            "dry-run dead letter \(id): its delivery has no mapping version; name one with mapping_version"
        case .dryRunUnavailable(let id):
            "dry-run dead letter \(id): connectors cannot be built in this process; set the master key "
                + "($LEDGERPORT_MASTER_KEY_FILE or $LEDGERPORT_MASTER_KEY) so the source connector can translate the event"
        }
    }
}
