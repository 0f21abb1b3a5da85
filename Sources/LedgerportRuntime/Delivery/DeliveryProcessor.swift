import Foundation
import LedgerportCore
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Runs claimed deliveries of one tenant: translate the stored events, map them, apply the operations, and report.
///
/// The steps, each of which may fail with a classified error for one delivery:
/// 1. read the stored events (one query) and translate each with its flow's source connector;
/// 2. skip every canonical event whose object already has a newer applied
///    version in its flow (an older state never overwrites a newer one);
/// 3. evaluate the mapping version pinned on each delivery;
/// 4. apply the operations through each target connection with
///    ``TargetWaves``, which lets operations of different deliveries share
///    the target's calls, within the connection's rate and concurrency limits.
///
/// The processor never throws: every failure becomes an ``AttemptOutcome``
/// of its delivery through ``FailureDisposition``, and one delivery's
/// failure does not fail the others. A retried attempt applies every
/// operation again, which is safe because target operations are idempotent
/// per external id.
struct DeliveryProcessor: Sendable {
    let store: any Store
    let connectors: ConnectorHost
    let registry: ConnectorRegistry
    let mappings: MappingCatalog
    let router: FlowRouter
    let tenants: TenantDirectory
    let limits: TargetLimits
    let alerts: AlertBook
    let metrics: MetricsRegistry
    let clock: any WallClock
    let random: @Sendable () -> Double
    let logger: Logger

    /// Runs claimed deliveries of one tenant once, together, and returns one report per claim, in order,
    /// with the target records the batch wrote and the ones its retried deliveries found missing.
    func process(_ claims: [DeliveryClaim]) async -> DeliveryBatchOutcome {
        let started = clock.now()
        guard let tenantID = claims.first?.delivery.tenantID else {
            return DeliveryBatchOutcome(reports: [])
        }
        precondition(claims.allSatisfy { $0.delivery.tenantID == tenantID }, "a delivery batch belongs to one tenant")
        let tenant: Tenant
        do {
            tenant = try await tenants.tenant(id: tenantID)
        } catch {
            return DeliveryBatchOutcome(reports: claims.map { claim in
                contextFailure(error, delivery: claim.delivery, started: started)
            })
        }
        let work = claims.map { DeliveryWork(claim: $0, tenantSlug: tenant.slug, logger: logger) }

        await loadContext(work, tenant: tenant)
        await plan(work, tenant: tenant)
        await apply(work, tenant: tenant)
        await weighReferenceWaits(work, tenant: tenant)
        var outcome = DeliveryBatchOutcome(reports: work.map { report(for: $0, tenant: tenant, started: started) })
        recordDelivered(work, tenant: tenant)
        for index in work.indices {
            switch outcome.reports[index].outcome {
            case .delivered:
                outcome.written += work[index].result.applied.map(\.reference)
            case .retry:
                if let missing = work[index].failure?.missingReference {
                    outcome.waiting.append((work[index].delivery.id, missing))
                }
            case .park:
                break
            }
        }
        return outcome
    }

    /// Finds each delivery's flow and retry policy, then reads every event with one query.
    private func loadContext(_ work: [DeliveryWork], tenant: Tenant) async {
        var policies = [FlowID: RetryPolicy]()
        for index in work.indices {
            let delivery = work[index].delivery
            do {
                let flow = try await flowOf(delivery)
                work[index].flow = flow
                if policies[flow.id] == nil {
                    policies[flow.id] = (try? JSONValueDecoder().decode(RetryPolicy.self, from: flow.retryPolicy)) ?? .standard
                }
                work[index].policy = policies[flow.id] ?? .standard
            } catch {
                work[index].contextError = error
            }
        }

        let events: [EventID: StoredEvent]
        do {
            let ids = work.indices.filter { work[$0].isRunning }.map { work[$0].delivery.eventID }
            let read = try await store.events(ids: ids, tenant: tenant.id)
            events = Dictionary(read.map { ($0.id, $0) }) { first, _ in first }
        } catch {
            for index in work.indices { work[index].fail(Self.classify(error)) }
            return
        }
        for index in work.indices where work[index].isRunning {
            let eventID = work[index].delivery.eventID
            guard let event = events[eventID] else {
                work[index].fail(Self.classify(StoreError.notFound("deliver event", "\(eventID) of tenant \"\(tenant.id)\"")))
                continue
            }
            work[index].event = event
        }
    }

    private func flowOf(_ delivery: Delivery) async throws -> Flow {
        if let cached = router.flow(delivery.flowID, tenant: delivery.tenantID) {
            return cached
        }
        return try await store.flow(delivery.flowID, tenant: delivery.tenantID)
    }

    /// Plans every delivery still running, reading the applied versions of all their objects together.
    private func plan(_ work: [DeliveryWork], tenant: Tenant) async {
        var requests = [DeliveryPlanner.Request]()
        var owners = [Int]()
        for index in work.indices where work[index].isRunning {
            guard let flowID = work[index].flow?.id, let sourceConnectionID = work[index].flow?.sourceConnectionID,
                let event = work[index].event
            else { continue }
            guard let reference = work[index].delivery.mapping else {
                work[index].fail(ConnectorError.configuration(
                    "mapping_not_pinned", "deliver event \"\(event.sourceEventID)\": the delivery has no mapping version",
                    hint: "replay it under an active mapping version"
                ))
                continue
            }
            requests.append(DeliveryPlanner.Request(event: event, mapping: reference, flowID: flowID, sourceConnectionID: sourceConnectionID))
            owners.append(index)
        }
        let planner = DeliveryPlanner(store: store, connectors: connectors, mappings: mappings, alerts: (alerts, clock))
        let plans = await planner.plan(requests, tenant: tenant)
        for (index, plan) in zip(owners, plans) {
            switch plan {
            case .success(let plan):
                work[index].operations = plan.operations
                work[index].result = DeliveryResult(staleStates: plan.staleStates, appliedVersions: plan.appliedVersions)
                if !plan.staleStates.isEmpty {
                    let logger = work[index].logger
                    for stale in plan.staleStates {
                        logger.info("skipped stale object state", metadata: [
                            "object.key": .string(stale.objectKey), "object.version": .integer(stale.version),
                            "object.applied_version": .integer(stale.appliedVersion),
                        ])
                    }
                }
            case .failure(let error):
                work[index].fail(Self.classify(error))
            }
        }
    }

    /// Applies the planned operations through each target connection, with the deliveries of one connection in waves.
    private func apply(_ work: [DeliveryWork], tenant: Tenant) async {
        var byTarget = [ConnectionID: [Int]]()
        for index in work.indices where work[index].isRunning && !work[index].operations.isEmpty {
            if let target = work[index].flow?.targetConnectionID {
                byTarget[target, default: []].append(index)
            }
        }
        for (connectionID, members) in byTarget.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let waves: TargetWaves
            let connection: Connection
            do {
                (connection, waves) = try await targetWaves(connectionID, tenant: tenant)
            } catch {
                for index in members { work[index].fail(Self.classify(error)) }
                continue
            }
            let results = await waves.apply(members.map { work[$0].operations })
            for (index, result) in zip(members, results) {
                switch result {
                case .success(let applied):
                    work[index].result.applied = applied
                    alerts.recordSuccess(tenantSlug: tenant.slug, connectionID: connection.id.rawValue)
                case .failure(let error):
                    alerts.recordFailure(
                        tenantID: tenant.id, tenantSlug: tenant.slug, connectionID: connection.id.rawValue, error: error, at: clock.now())
                    work[index].fail(error)
                }
            }
        }
    }

    /// Decides how each missing-reference failure counts when another flow into the same target is or was paused.
    ///
    /// Reads the tenant's flows only when such a failure occurred, and a delivery's attempts only when a flow
    /// into its target changed after the delivery was created. See ``ReferenceWait``.
    private func weighReferenceWaits(_ work: [DeliveryWork], tenant: Tenant) async {
        let waiting = work.indices.filter { work[$0].failure.map(ReferenceWait.concerns) ?? false }
        guard !waiting.isEmpty else {
            return
        }
        let flows: [Flow]
        do {
            flows = try await store.flows(tenant: tenant.id, environment: nil)
        } catch {
            logger.warning("read flows for missing references failed", metadata: [
                LogMetadataKey.tenantID: .string(tenant.id.rawValue), LogMetadataKey.tenantSlug: .string(tenant.slug),
                LogMetadataKey.error: .string("\(error)"),
            ])
            return
        }
        for index in waiting {
            guard let flow = work[index].flow else { continue }
            let delivery = work[index].delivery
            let wait = ReferenceWait.of(delivery, flow: flow, among: flows)
            work[index].referenceWait = wait
            guard case .countFrom(let changed) = wait else { continue }
            do {
                let attempts = try await store.deliveryAttempts(delivery: delivery.id, tenant: tenant.id)
                work[index].countedFailedAttempts = attempts.filter { $0.finishedAt > changed && $0.outcome != .delivered }.count + 1
            } catch {
                work[index].logger.warning("read attempts for a missing reference failed", metadata: [LogMetadataKey.error: .string("\(error)")])
            }
        }
    }

    /// Returns the target connector of a connection, wrapped with the connection's limits.
    private func targetWaves(_ connectionID: ConnectionID, tenant: Tenant) async throws -> (Connection, TargetWaves) {
        let (connection, target) = try await connectors.target(tenant: tenant.id, connection: connectionID)
        guard let spec = registry.entry(id: connection.connectorID, version: connection.connectorVersion)?.spec.spec else {
            throw ConnectorError.configuration("connector_not_installed", "connection \"\(connection.id)\" uses \(connection.connectorID)@\(connection.connectorVersion), which this build does not include")
        }
        var waves = TargetWaves(target: target, limiter: limits.limiter(for: connection, spec: spec), clock: clock)
        let labels: MetricLabels = ["tenant": tenant.slug, "connection": connection.id.rawValue]
        waves.onRequest = { [metrics] in metrics.increment(RuntimeMetrics.targetRequests, labels: labels) }
        return (connection, waves)
    }

    /// Returns the report of one delivery: delivered with its versions and audit entries, or its failure's outcome.
    private func report(for work: DeliveryWork, tenant: Tenant, started: Date) -> DeliveryAttemptReport {
        let delivery = work.delivery
        guard let flowID = work.flow?.id else {
            return contextFailure(work.contextError, delivery: delivery, started: started)
        }
        if let failure = work.failure {
            let report = failureReport(
                failure, delivery: delivery, policy: work.policy, failedAttempts: work.countedFailedAttempts,
                waitingFor: work.referenceWait, correlationID: work.event?.correlationID, started: started)
            recordFailure(failure, outcome: report.outcome, flowID: flowID, tenant: tenant, wait: work.referenceWait, logger: work.logger)
            return report
        }
        guard let sourceEventID = work.event?.sourceEventID, let correlationID = work.event?.correlationID else {
            preconditionFailure("a running delivery has its event")
        }
        if work.logs(.debug) {
            work.logger.debug("delivered", metadata: ["operations": .integer(Int64(work.result.applied.count))])
        }
        return DeliveryAttemptReport(
            startedAt: started, finishedAt: clock.now(), outcome: .delivered, appliedVersions: work.result.appliedVersions,
            auditEntries: auditEntries(
                work.result, delivery: delivery, sourceEventID: sourceEventID, correlationID: correlationID, flowID: flowID)
        )
    }

    /// Returns the report of a delivery whose tenant or flow could not be loaded.
    private func contextFailure(_ error: (any Error)?, delivery: Delivery, started: Date) -> DeliveryAttemptReport {
        let cause = error.map { "\($0)" } ?? "unknown error"
        let failure = ConnectorError.system("delivery_context_unavailable", "load flow \"\(delivery.flowID)\" of delivery \(delivery.id): \(cause)")
        return failureReport(failure, delivery: delivery, policy: .standard, started: started)
    }

    /// Returns the report of a failed attempt; `failedAttempts` replaces the delivery's count when only some attempts count.
    ///
    /// A parked delivery's audit entry carries the event's `correlationID` when the event was read, as a write's entry does.
    private func failureReport(
        _ error: ConnectorError, delivery: Delivery, policy: RetryPolicy, failedAttempts: Int? = nil, waitingFor wait: ReferenceWait = .none,
        correlationID: String? = nil, started: Date
    ) -> DeliveryAttemptReport {
        let now = clock.now()
        if case .paused(let paused) = wait {
            var waiting = error
            waiting.message += "; flow \"\(paused)\" into the same target is paused, so this delivery waits for it without using up its attempts"
            let delay = policy.maximumDelaySeconds * (1 - policy.jitter * random())
            let outcome = AttemptOutcome.retry(at: now.addingTimeInterval(delay), error: AttemptError(waiting))
            return DeliveryAttemptReport(startedAt: started, finishedAt: now, outcome: outcome)
        }
        let attempts = failedAttempts ?? delivery.attemptCount + 1
        let outcome = FailureDisposition.outcome(for: error, failedAttempts: attempts, policy: policy, now: now, random: random())
        guard case .park(let reason, let parked) = outcome else {
            return DeliveryAttemptReport(startedAt: started, finishedAt: now, outcome: outcome)
        }
        // The audit entry records why the delivery stopped, next to the replay or discard that may follow.
        var details: JSONObject = [
            "flow_id": .string(delivery.flowID.rawValue), "event_id": .number(JSONNumber(delivery.eventID.rawValue)),
            "reason": .string(reason.rawValue), "code": .string(parked.code), "message": .string(parked.message),
            "attempts": .number(JSONNumber(attempts)),
        ]
        if let correlationID {
            details["correlation_id"] = .string(correlationID)
        }
        let entry = NewAuditEntry(
            occurredAt: now, actor: "runtime", action: "delivery.parked", subjectKind: "delivery", subjectID: delivery.id.description,
            details: .object(details))
        return DeliveryAttemptReport(startedAt: started, finishedAt: now, outcome: outcome, auditEntries: [entry])
    }

    /// Turns any error into a classified connector error; unknown errors are system failures.
    static func classify(_ error: any Error) -> ConnectorError {
        switch error {
        case let error as ConnectorError:
            return error
        case let error as MappingEvaluationError:
            return error.connectorError
        case let error as HTTPTransportError:
            return ConnectorError(error.failureClass, code: "transport_failed", message: error.description)
        case let error as StoreError:
            return ConnectorError(error.failureClass, code: error.code.rawValue, message: error.description)
        case is CancellationError:
            return ConnectorError.transient("cancelled", "the delivery was interrupted by shutdown")
        default:
            return ConnectorError.system("unexpected_error", "\(error)")
        }
    }

    /// Counts the batch's delivered deliveries, skipped stale objects and target operations, one update per series.
    private func recordDelivered(_ work: [DeliveryWork], tenant: Tenant) {
        let now = clock.now()
        var delivered = [FlowID: (count: Int, skippedStale: Int, labels: MetricLabels, seconds: [Double])]()
        var operations = [String: (count: Int, labels: MetricLabels)]()
        for index in work.indices where work[index].failure == nil {
            guard let flowID = work[index].flow?.id, let receivedAt = work[index].event?.receivedAt else { continue }
            let result = work[index].result
            var counted = delivered[flowID] ?? (0, 0, ["tenant": tenant.slug, "flow": flowID.rawValue], [])
            counted.count += 1
            counted.skippedStale += result.skippedStale.count
            counted.seconds.append(max(0, now.timeIntervalSince(receivedAt)))
            delivered[flowID] = counted
            for applied in result.applied {
                let key = "\(applied.reference.model) \(applied.effect.rawValue)"
                let labels = operations[key]?.labels ?? [
                    "tenant": tenant.slug, "model": applied.reference.model, "effect": applied.effect.rawValue,
                ]
                operations[key] = ((operations[key]?.count ?? 0) + 1, labels)
            }
        }
        for counted in delivered.values {
            metrics.observe(RuntimeMetrics.deliverySeconds, labels: counted.labels, values: counted.seconds)
            metrics.increment(RuntimeMetrics.deliveriesDelivered, labels: counted.labels, by: Double(counted.count))
            if counted.skippedStale > 0 {
                metrics.increment(RuntimeMetrics.deliveriesSkippedStale, labels: counted.labels, by: Double(counted.skippedStale))
            }
        }
        for counted in operations.values {
            metrics.increment(RuntimeMetrics.targetOperations, labels: counted.labels, by: Double(counted.count))
        }
    }

    private func recordFailure(
        _ error: ConnectorError, outcome: AttemptOutcome, flowID: FlowID, tenant: Tenant, wait: ReferenceWait, logger: Logger
    ) {
        let labels: MetricLabels = ["tenant": tenant.slug, "flow": flowID.rawValue]
        let metadata: LogMetadata = [
            LogMetadataKey.failureClass: .string(error.failureClass.rawValue), "error.code": .string(error.code),
            LogMetadataKey.error: .string(error.description),
        ]
        switch outcome {
        case .retry(let at, _):
            metrics.increment(RuntimeMetrics.deliveriesRetried, labels: labels)
            var retry = metadata
            retry["retry.at"] = .string(at.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            if case .paused(let paused) = wait {
                // The attempt does not count toward the retry policy, so its number may pass the policy's maximum.
                retry["wait.flow_id"] = .string(paused.rawValue)
                logger.info("delivery waits for a paused flow into the same target; this attempt does not count", metadata: retry)
            } else {
                logger.warning("retrying delivery", metadata: retry)
            }
        case .park(let reason, _):
            metrics.increment(RuntimeMetrics.deliveriesParked, labels: ["tenant": tenant.slug, "flow": flowID.rawValue, "reason": reason.rawValue])
            let level: LogLevel = reason == .business ? .notice : .error
            logger.log(level: level, "parked delivery", metadata: metadata.merging(["dead_letter.reason": .string(reason.rawValue)]) { _, new in new })
        case .delivered:
            break
        }
    }

    private func auditEntries(
        _ result: DeliveryResult, delivery: Delivery, sourceEventID: String, correlationID: String, flowID: FlowID
    ) -> [NewAuditEntry] {
        let mapping = delivery.mapping.map { "\($0.mappingID)@\($0.version)" } ?? "none"
        let connector = delivery.connectorVersion?.description ?? "unknown"
        // A skipped state wrote nothing, so without an entry of its own a delivered delivery would look like a write.
        let skipped = result.staleStates.map { stale in
            NewAuditEntry(
                occurredAt: clock.now(), actor: "runtime", action: "delivery.skipped_stale", subjectKind: "delivery",
                subjectID: delivery.id.description,
                details: [
                    "object_key": .string(stale.objectKey), "version": .number(JSONNumber(stale.version)),
                    "applied_version": .number(JSONNumber(stale.appliedVersion)), "canonical_event_id": .string(stale.eventID),
                    "flow_id": .string(flowID.rawValue), "source_event_id": .string(sourceEventID), "correlation_id": .string(correlationID),
                ]
            )
        }
        return skipped + result.applied.map { applied in
            NewAuditEntry(
                occurredAt: clock.now(), actor: "runtime", action: "target.write", subjectKind: applied.reference.model,
                subjectID: applied.reference.externalID,
                details: [
                    "effect": .string(applied.effect.rawValue),
                    "target_record_id": applied.targetRecordID.map(JSONValue.string) ?? .null,
                    "read_back": .object(applied.readBack),
                    "flow_id": .string(flowID.rawValue),
                    "delivery_id": .number(JSONNumber(delivery.id.rawValue)),
                    "source_event_id": .string(sourceEventID),
                    "correlation_id": .string(correlationID),
                    "mapping": .string(mapping),
                    "target_connector_version": .string(connector),
                ]
            )
        }
    }
}

extension LedgerportMapping.Mapping {
    /// Whether this mapping reads `event`'s object type, schema version and event type.
    package func handles(_ event: CanonicalEvent) -> Bool {
        source.objectType == event.object.objectType && source.schemaVersion == event.object.schemaVersion
            && source.eventTypes.contains(event.type)
    }
}
