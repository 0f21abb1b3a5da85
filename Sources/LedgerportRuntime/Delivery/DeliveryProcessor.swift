import Foundation
import LedgerportCore
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Runs one claimed delivery: translate the stored event, map it, apply the operations, and report.
///
/// The steps, each of which may fail with a classified error:
/// 1. read the stored event and translate it with the flow's source connector;
/// 2. skip every canonical event whose object already has a newer applied
///    version in this flow (an older state never overwrites a newer one);
/// 3. evaluate the mapping version pinned on the delivery;
/// 4. plan the operations with the flow's target connector and apply them
///    batch by batch, within the target connection's rate and concurrency limits.
///
/// The processor never throws: every failure becomes an ``AttemptOutcome``
/// through ``FailureDisposition``. A retried attempt applies every operation
/// again, which is safe because target operations are idempotent per
/// external id.
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

    /// Runs the claimed delivery once and returns the report to record.
    func process(_ claim: DeliveryClaim) async -> DeliveryAttemptReport {
        let started = clock.now()
        let delivery = claim.delivery
        let flow: Flow
        let tenant: Tenant
        do {
            tenant = try await tenants.tenant(id: delivery.tenantID)
            flow = try await flowOf(delivery)
        } catch {
            return failureReport(ConnectorError.system("delivery_context_unavailable", "load flow \"\(delivery.flowID)\" of delivery \(delivery.id): \(error)"), delivery: delivery, policy: .standard, started: started)
        }
        let policy = (try? JSONValueDecoder().decode(RetryPolicy.self, from: flow.retryPolicy)) ?? .standard
        var log = logger.with([
            LogMetadataKey.tenantID: .string(tenant.slug), LogMetadataKey.flowID: .string(flow.id.rawValue),
            LogMetadataKey.deliveryID: .string(delivery.id.description), LogMetadataKey.attempt: .integer(Int64(delivery.attemptCount + 1)),
        ])

        do {
            let event = try await store.event(delivery.eventID, tenant: delivery.tenantID)
            log[metadataKey: LogMetadataKey.correlationID] = .string(event.correlationID)
            log[metadataKey: LogMetadataKey.eventID] = .string(event.sourceEventID)
            let result = try await run(delivery, event: event, flow: flow, tenant: tenant, logger: log)
            record(result, delivery: delivery, event: event, flow: flow, tenant: tenant)
            log.debug("delivered", metadata: ["operations": .integer(Int64(result.applied.count))])
            return DeliveryAttemptReport(
                startedAt: started, finishedAt: clock.now(), outcome: .delivered, appliedVersions: result.appliedVersions,
                auditEntries: auditEntries(result, delivery: delivery, event: event, flow: flow)
            )
        } catch {
            let connectorError = Self.classify(error)
            let report = failureReport(connectorError, delivery: delivery, policy: policy, started: started)
            recordFailure(connectorError, outcome: report.outcome, flow: flow, tenant: tenant, logger: log)
            return report
        }
    }

    private func flowOf(_ delivery: Delivery) async throws -> Flow {
        if let cached = router.flow(delivery.flowID, tenant: delivery.tenantID) {
            return cached
        }
        return try await store.flow(delivery.flowID, tenant: delivery.tenantID)
    }

    private func run(_ delivery: Delivery, event: StoredEvent, flow: Flow, tenant: Tenant, logger: Logger) async throws -> DeliveryResult {
        guard let reference = delivery.mapping else {
            throw ConnectorError.configuration("mapping_not_pinned", "deliver event \"\(event.sourceEventID)\": the delivery has no mapping version", hint: "replay it under an active mapping version")
        }
        let plan = try await DeliveryPlanner(store: store, connectors: connectors, mappings: mappings)
            .plan(event, mapping: reference, flow: flow, tenant: tenant, logger: logger)

        var result = DeliveryResult(skippedStale: plan.skippedStale, appliedVersions: plan.appliedVersions)
        guard !plan.operations.isEmpty else {
            return result
        }
        result.applied = try await apply(plan.operations, flow: flow, tenant: tenant)
        return result
    }

    /// Plans and applies operations batch by batch within the target connection's limits.
    private func apply(_ operations: [TargetOperation], flow: Flow, tenant: Tenant) async throws -> [OperationResult] {
        let (connection, target) = try await connectors.target(tenant: tenant.id, connection: flow.targetConnectionID)
        guard let spec = registry.entry(id: connection.connectorID, version: connection.connectorVersion)?.spec.spec else {
            throw ConnectorError.configuration("connector_not_installed", "connection \"\(connection.id)\" uses \(connection.connectorID)@\(connection.connectorVersion), which this build does not include")
        }
        let limiter = limits.limiter(for: connection, spec: spec)
        var applied = [OperationResult]()

        for batch in try target.plan(operations) {
            let wait = limiter.bucket.reserve(at: clock.now())
            if wait > 0 {
                try await clock.sleep(seconds: wait)
            }
            let outcomes = await limiter.concurrency.withSlot { await target.apply(batch) }
            for outcome in outcomes {
                switch outcome {
                case .success(let result):
                    applied.append(result)
                case .failure(let error):
                    alerts.recordFailure(tenantSlug: tenant.slug, connectionID: connection.id.rawValue, error: error, at: clock.now())
                    throw error
                }
            }
        }
        alerts.recordSuccess(tenantSlug: tenant.slug, connectionID: connection.id.rawValue)
        return applied
    }

    private func failureReport(_ error: ConnectorError, delivery: Delivery, policy: RetryPolicy, started: Date) -> DeliveryAttemptReport {
        let now = clock.now()
        let outcome = FailureDisposition.outcome(for: error, failedAttempts: delivery.attemptCount + 1, policy: policy, now: now, random: random())
        return DeliveryAttemptReport(startedAt: started, finishedAt: now, outcome: outcome)
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

    private func record(_ result: DeliveryResult, delivery: Delivery, event: StoredEvent, flow: Flow, tenant: Tenant) {
        let labels: MetricLabels = ["tenant": tenant.slug, "flow": flow.id.rawValue]
        metrics.increment(RuntimeMetrics.deliveriesDelivered, labels: labels)
        metrics.observe(RuntimeMetrics.deliverySeconds, labels: labels, value: max(0, clock.now().timeIntervalSince(event.receivedAt)))
        if !result.skippedStale.isEmpty {
            metrics.increment(RuntimeMetrics.deliveriesSkippedStale, labels: labels, by: Double(result.skippedStale.count))
        }
        for applied in result.applied {
            metrics.increment(RuntimeMetrics.targetOperations, labels: [
                "tenant": tenant.slug, "model": applied.reference.model, "effect": applied.effect.rawValue,
            ])
        }
    }

    private func recordFailure(_ error: ConnectorError, outcome: AttemptOutcome, flow: Flow, tenant: Tenant, logger: Logger) {
        let labels: MetricLabels = ["tenant": tenant.slug, "flow": flow.id.rawValue]
        let metadata: LogMetadata = [
            LogMetadataKey.failureClass: .string(error.failureClass.rawValue), "error.code": .string(error.code),
            LogMetadataKey.error: .string(error.description),
        ]
        switch outcome {
        case .retry(let at, _):
            metrics.increment(RuntimeMetrics.deliveriesRetried, labels: labels)
            logger.warning("retrying delivery", metadata: metadata.merging(["retry.at": .string(at.formatted(.iso8601))]) { _, new in new })
        case .park(let reason, _):
            metrics.increment(RuntimeMetrics.deliveriesParked, labels: ["tenant": tenant.slug, "flow": flow.id.rawValue, "reason": reason.rawValue])
            let level: LogLevel = reason == .business ? .notice : .error
            logger.log(level: level, "parked delivery", metadata: metadata.merging(["dead_letter.reason": .string(reason.rawValue)]) { _, new in new })
        case .delivered:
            break
        }
    }

    private func auditEntries(_ result: DeliveryResult, delivery: Delivery, event: StoredEvent, flow: Flow) -> [NewAuditEntry] {
        let mapping = delivery.mapping.map { "\($0.mappingID)@\($0.version)" } ?? "none"
        let connector = delivery.connectorVersion?.description ?? "unknown"
        return result.applied.map { applied in
            NewAuditEntry(
                occurredAt: clock.now(), actor: "runtime", action: "target.write", subjectKind: applied.reference.model,
                subjectID: applied.reference.externalID,
                details: [
                    "effect": .string(applied.effect.rawValue),
                    "target_record_id": applied.targetRecordID.map(JSONValue.string) ?? .null,
                    "read_back": .object(applied.readBack),
                    "flow_id": .string(flow.id.rawValue),
                    "delivery_id": .number(JSONNumber(delivery.id.rawValue)),
                    "source_event_id": .string(event.sourceEventID),
                    "correlation_id": .string(event.correlationID),
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
