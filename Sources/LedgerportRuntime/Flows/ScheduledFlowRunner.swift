import Foundation
import LedgerportCore
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Runs scheduled flows: once per window of their schedule, in the tenant's time zone, a backfill of the window's objects.
///
/// For each due window, the runner records the run in the store first
/// (``FlowStore/startScheduleRun(flow:windowStart:windowEnd:tenant:)`` fails
/// for a window that already has one, so no window runs twice, also after a
/// restart or on two nodes), then lists, through the source connector, the
/// objects created in the window that the flow's mapping reads, stores each
/// listed object as a canonical event with a delivery for this flow, and
/// records the run's outcome. A run found still `running` at start was cut
/// short by a stop or a crash; it is resumed, which is safe because listed
/// events are deduplicated by id. A listed event that another flow of the
/// same connection stored already gets this flow's delivery. A `failed` run
/// is retried under the flow's retry policy, each delay counted from the
/// failure. When its attempts run out, it stays `failed` until an operator
/// runs it again.
package final class ScheduledFlowRunner: @unchecked Sendable {
    private let store: any Store
    private let router: FlowRouter
    private let connectors: ConnectorHost
    private let registry: ConnectorRegistry
    private let mappings: MappingCatalog
    private let tenants: TenantDirectory
    private let alerts: AlertBook?
    private let clock: any WallClock
    private let logger: Logger
    private let onStored: @Sendable () -> Void
    /// Objects listed per page.
    let pageSize: Int

    init(
        store: any Store, router: FlowRouter, connectors: ConnectorHost, registry: ConnectorRegistry, mappings: MappingCatalog,
        tenants: TenantDirectory, alerts: AlertBook? = nil, clock: any WallClock, logger: Logger, pageSize: Int = 100,
        onStored: @escaping @Sendable () -> Void
    ) {
        self.store = store
        self.router = router
        self.connectors = connectors
        self.registry = registry
        self.mappings = mappings
        self.tenants = tenants
        self.alerts = alerts
        self.clock = clock
        self.logger = logger
        self.pageSize = pageSize
        self.onStored = onStored
    }

    /// Checks every scheduled flow every `intervalSeconds` until cancelled.
    func run(intervalSeconds: Double = 30) async {
        while !Task.isCancelled {
            await runDueWindows()
            try? await Task.sleep(nanoseconds: UInt64(intervalSeconds * 1_000_000_000))
        }
    }

    /// How many scheduled flows run their windows at once, so that one flow whose source hangs does not hold up the others.
    static let concurrentFlows = 8

    /// Runs every due window of every active scheduled flow, each flow's oldest first, and returns the finished runs.
    ///
    /// Up to ``concurrentFlows`` flows run side by side, and the windows of one flow run in order.
    @discardableResult
    package func runDueWindows() async -> [ScheduleRun] {
        // In a fixed order (tenant, then flow id), so that which flows start first does not change from run to run.
        let flows = router.allFlows.filter { $0.mode == .scheduled && $0.state == .active }
            .sorted { ($0.tenantID.rawValue, $0.id.rawValue) < ($1.tenantID.rawValue, $1.id.rawValue) }
        return await withTaskGroup(of: [ScheduleRun].self) { group in
            var waiting = flows[...]
            for _ in 0..<min(Self.concurrentFlows, flows.count) {
                let flow = waiting.removeFirst()
                group.addTask { await self.runDueWindowsLogging(of: flow) }
            }
            var finished = [ScheduleRun]()
            while let runs = await group.next() {
                finished += runs
                if !Task.isCancelled, let flow = waiting.popFirst() {
                    group.addTask { await self.runDueWindowsLogging(of: flow) }
                }
            }
            return finished
        }
    }

    /// Runs one flow's due windows and returns the finished runs. An error other than a stop is logged, and then no run is returned.
    private func runDueWindowsLogging(of flow: Flow) async -> [ScheduleRun] {
        do {
            return try await runDueWindows(of: flow)
        } catch is CancellationError {
            return []
        } catch {
            logger.error("run scheduled flow failed", metadata: [
                LogMetadataKey.tenantID: .string(flow.tenantID.rawValue), LogMetadataKey.flowID: .string(flow.id.rawValue),
                LogMetadataKey.error: .string("\(error)"),
            ])
            return []
        }
    }

    private func runDueWindows(of flow: Flow) async throws -> [ScheduleRun] {
        guard let scheduleJSON = flow.schedule else { return [] }
        let schedule = try JSONValueDecoder().decode(FlowSchedule.self, from: scheduleJSON)
        let tenant = try await tenants.tenant(id: flow.tenantID)
        let zone = TimeZone(identifier: tenant.timeZone) ?? .gmt
        let policy = (try? JSONValueDecoder().decode(RetryPolicy.self, from: flow.retryPolicy)) ?? .standard
        let unfinished = try await store.unfinishedScheduleRuns(flow: flow.id, tenant: flow.tenantID, attemptsBelow: policy.maximumAttempts)
        let newest = try await store.scheduleRuns(flow: flow.id, tenant: flow.tenantID, limit: 1).first

        var finished = [ScheduleRun]()
        for interrupted in unfinished where interrupted.state == .running {
            finished.append(try await execute(flow, tenant: tenant, window: ScheduleWindow(start: interrupted.windowStart, end: interrupted.windowEnd)))
        }
        for failed in unfinished where isDueForRetry(failed, policy: policy) {
            guard let retried = try await store.retryScheduleRun(flow: flow.id, windowStart: failed.windowStart, tenant: flow.tenantID, actor: nil) else {
                continue
            }
            logger.info("retrying schedule window", metadata: [
                LogMetadataKey.tenantID: .string(flow.tenantID.rawValue), LogMetadataKey.flowID: .string(flow.id.rawValue),
                "window.start": .string(failed.windowStart.formatted(.iso8601)), "schedule.attempt": .integer(Int64(retried.attempts)),
            ])
            finished.append(try await execute(flow, tenant: tenant, window: ScheduleWindow(start: failed.windowStart, end: failed.windowEnd)))
        }
        for window in schedule.dueWindows(lastRunStart: newest?.windowStart, now: clock.now(), in: zone) {
            guard try await store.startScheduleRun(flow: flow.id, windowStart: window.start, windowEnd: window.end, tenant: flow.tenantID) != nil else {
                continue
            }
            finished.append(try await execute(flow, tenant: tenant, window: window))
        }
        return finished
    }

    /// Returns whether a failed run has attempts left under `policy` and its backoff, counted from its finish, has passed.
    ///
    /// The backoff is the policy's delay without jitter. The runner looks every 30 s, so shorter delays round up to that.
    private func isDueForRetry(_ run: ScheduleRun, policy: RetryPolicy) -> Bool {
        guard run.state == .failed, let finishedAt = run.finishedAt else {
            return false
        }
        guard case .retry(let delaySeconds) = policy.decision(afterFailedAttempts: run.attempts, random: 0) else {
            return false
        }
        return finishedAt.addingTimeInterval(delaySeconds) <= clock.now()
    }

    /// Lists the window's objects and stores them as events; records the run as completed or failed.
    ///
    /// Also reports the outcome to the source connection's operational alert. A failure to list raises it as a failed
    /// delivery does (an unreachable source after three failures in a row, an authentication failure at once), and a completed run clears it.
    private func execute(_ flow: Flow, tenant: Tenant, window: ScheduleWindow) async throws -> ScheduleRun {
        let log = logger.with([LogMetadataKey.tenantID: .string(flow.tenantID.rawValue), LogMetadataKey.flowID: .string(flow.id.rawValue)])
        do {
            let outcome = try await backfill(flow, window: window)
            var detail = "listed \(outcome.listed) objects, stored \(outcome.stored) new events, \(outcome.duplicates) already stored"
            if outcome.deliveriesAdded > 0 {
                detail += " (\(outcome.deliveriesAdded) of them by another flow, now delivered through this one too)"
            }
            log.info("ran schedule window", metadata: ["window.start": .string(window.start.formatted(.iso8601)), "window.detail": .string(detail)])
            alerts?.recordSuccess(tenantSlug: tenant.slug, connectionID: flow.sourceConnectionID.rawValue)
            return try await store.finishScheduleRun(flow: flow.id, windowStart: window.start, state: .completed, detail: detail, tenant: flow.tenantID)
        } catch {
            if Task.isCancelled {
                // A stop cut the run short: it stays running and resumes at the next start without using an attempt.
                log.info("schedule window interrupted by a stop; it resumes at the next start", metadata: ["window.start": .string(window.start.formatted(.iso8601))])
                throw CancellationError()
            }
            let classified = DeliveryProcessor.classify(error)
            log.error("schedule window failed", metadata: ["window.start": .string(window.start.formatted(.iso8601)), LogMetadataKey.error: .string(classified.description)])
            alerts?.recordFailure(
                tenantID: flow.tenantID, tenantSlug: tenant.slug, connectionID: flow.sourceConnectionID.rawValue, error: classified, connector: .source,
                at: clock.now())
            let run = try await store.finishScheduleRun(flow: flow.id, windowStart: window.start, state: .failed, detail: classified.description, tenant: flow.tenantID)
            let policy = (try? JSONValueDecoder().decode(RetryPolicy.self, from: flow.retryPolicy)) ?? .standard
            if case .giveUp = policy.decision(afterFailedAttempts: run.attempts, random: 0) {
                log.error("schedule window gave up", metadata: [
                    "window.start": .string(window.start.formatted(.iso8601)), "schedule.attempt": .integer(Int64(run.attempts)),
                    "hint": .string("run it again with ledgerport flow rerun-window \(flow.id) --tenant \(tenant.slug) --window-start \(window.start.formatted(.iso8601))"),
                ])
            }
            return run
        }
    }

    private struct Outcome {
        var listed = 0
        var stored = 0
        var duplicates = 0
        /// Deliveries this flow added to events that another flow had stored.
        var deliveriesAdded = 0
    }

    private func backfill(_ flow: Flow, window: ScheduleWindow) async throws -> Outcome {
        guard let activation = try await store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: flow.tenantID) else {
            throw ConnectorError.configuration("mapping_not_active", "run flow \"\(flow.id)\": its mapping has no active version", hint: "activate a version through a change request")
        }
        let mapping = try await mappings.mapping(activation.mapping, tenant: flow.tenantID)
        let (connection, source) = try await connectors.source(tenant: flow.tenantID, connection: flow.sourceConnectionID)
        let target = try await store.connection(flow.targetConnectionID, tenant: flow.tenantID)
        let objects = registry.entry(id: connection.connectorID, version: connection.connectorVersion)?.spec.spec.objects
            .filter { $0.backfill && $0.canonicalObject == mapping.source.objectType }.map(\.name) ?? []

        var outcome = Outcome()
        for object in objects {
            var cursor: String?
            repeat {
                let page = try await source.backfill(BackfillRequest(object: object, cursor: cursor, pageSize: pageSize, createdFrom: window.start, createdBefore: window.end))
                outcome.listed += page.events.count
                let events = try page.events.filter(mapping.handles).map { event in
                    NewEvent(
                        connectionID: connection.id, sourceEventID: event.id, eventType: CanonicalEventPayload.eventType(of: event),
                        receivedAt: clock.now(), correlationID: UUID().uuidString.lowercased(), body: try CanonicalEventPayload.encode(event),
                        orderingKey: event.ordering.key,
                        deliveries: [NewDelivery(
                            flowID: flow.id, orderingKey: event.ordering.key, orderingVersion: event.ordering.version, notBefore: clock.now(),
                            mapping: activation.mapping, connectorVersion: target.connectorVersion
                        )]
                    )
                }
                if !events.isEmpty {
                    let results = try await store.insertEvents(events, tenant: flow.tenantID)
                    outcome.duplicates += results.filter(\.isDuplicate).count
                    outcome.stored += results.count - results.filter(\.isDuplicate).count
                    // An object another flow of this connection stored already needs this flow's delivery too.
                    let stored = zip(events, results).filter { $0.1.isDuplicate }.map { (event: $0.1.eventID, deliveries: $0.0.deliveries) }
                    outcome.deliveriesAdded += try await store.createMissingDeliveries(stored, tenant: flow.tenantID).count
                    onStored()
                }
                cursor = page.nextCursor
            } while cursor != nil
        }
        return outcome
    }
}
