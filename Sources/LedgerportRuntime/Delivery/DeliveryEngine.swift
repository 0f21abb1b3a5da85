import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// The delivery loop: claims due deliveries tenant by tenant and runs them in concurrent batches.
///
/// Each round reads from the store which tenants have due work. Then it
/// claims work for up to the per-tenant cap of workers from each tenant in
/// turn, so a tenant with a month-end burst gets the same share of each round
/// as a tenant with one invoice. A worker runs up to
/// ``Settings/deliveriesPerBatch`` deliveries of one tenant together, so
/// that their operations share the target's calls (see
/// ``DeliveryProcessor``); a tenant with fewer due deliveries than free
/// workers gets one delivery per worker. The store
/// claims a delivery only when no earlier delivery with its ordering key is
/// pending or in flight, so events of one business object are applied one at
/// a time, in arrival order, while different objects run in parallel.
///
/// The loop sleeps until ``wake()`` (called after ingest stores new
/// deliveries) or the poll interval, which also picks up retries that come due.
/// Claims carry a lease; a delivery whose process died is claimed again when
/// its lease expires, or at once at the next start (see ``Runtime``).
package final class DeliveryEngine: @unchecked Sendable {
    package struct Settings: Sendable {
        /// Batches of deliveries running at once, over all tenants.
        package var workers: Int
        /// Batches of one tenant running at once.
        package var maximumInFlightPerTenant: Int
        /// The maximum number of deliveries of one tenant a worker runs together, so that their operations can share the target's calls.
        package var deliveriesPerBatch: Int = 100
        package var leaseSeconds: Int = 120
        package var pollIntervalSeconds: Double = 0.25
        /// How long a stop waits for the batches in flight before it interrupts them.
        package var drainSeconds: Double = 30
    }

    package let settings: Settings
    private let store: any Store
    private let processor: DeliveryProcessor
    private let metrics: MetricsRegistry
    private let logger: Logger
    private let signal = WakeSignal()
    private let waiters = ReferenceWaiters()
    private let lock = NSLock()
    private var inFlightByTenant: [TenantID: Int] = [:]
    private var inFlightTotal = 0
    private var lastLeader: TenantID?
    /// The batches running, which a stop lets finish; they run outside the loop's task so its cancellation does not reach them.
    private var running: [UInt64: Task<Void, Never>] = [:]
    private var nextBatch: UInt64 = 0

    init(settings: Settings, store: any Store, processor: DeliveryProcessor, metrics: MetricsRegistry, logger: Logger) {
        self.settings = settings
        self.store = store
        self.processor = processor
        self.metrics = metrics
        self.logger = logger
        // The gauge has a sample from the first scrape on, also before the loop starts; a gauge without samples reads as "no data".
        metrics.set(RuntimeMetrics.deliveriesInFlight, to: 0)
    }

    /// Asks the loop to look for due deliveries now instead of at the next poll.
    package func wake() {
        signal.poke()
    }

    /// Runs the loop until the task is cancelled, then lets the batches in flight finish.
    ///
    /// A batch interrupted by the stop would record a failed attempt for each
    /// of its deliveries, so the stop waits for them, up to
    /// ``Settings/drainSeconds``. It interrupts the ones still running after
    /// that, and the next start runs them again.
    package func run() async {
        logger.info("started delivery engine", metadata: ["delivery.workers": .integer(Int64(settings.workers))])
        while !Task.isCancelled {
            let started = await claimRound()
            if started == 0 {
                await signal.wait(timeoutSeconds: settings.pollIntervalSeconds)
            }
        }
        await drain()
        logger.info("stopped delivery engine")
    }

    /// Waits for the batches in flight, interrupting those still running after ``Settings/drainSeconds``.
    private func drain() async {
        let batches = lock.withLock { Array(running.values) }
        guard !batches.isEmpty else { return }
        logger.info("finishing delivery batches in flight", metadata: ["batch.count": .integer(Int64(batches.count))])
        let deadline = Task { [settings] in
            try? await Task.sleep(nanoseconds: UInt64(settings.drainSeconds * 1_000_000_000))
            for batch in batches { batch.cancel() }
        }
        for batch in batches {
            await batch.value
        }
        deadline.cancel()
    }

    /// Starts a batch outside the loop's task, so that stopping the loop lets it finish.
    private func start(_ batch: [DeliveryClaim], tenant: TenantID) {
        reserveSlot(for: tenant)
        // The batch removes itself under the lock, so it is inserted before it can finish.
        lock.withLock {
            let number = nextBatch
            nextBatch += 1
            running[number] = Task { [self] in
                await run(batch)
                releaseSlot(for: tenant)
                _ = lock.withLock { running.removeValue(forKey: number) }
                wake()
            }
        }
    }

    /// Claims deliveries for each tenant with due work and starts them; returns how many started.
    ///
    /// Each round starts with the tenant after the one served first last time, and gives each
    /// tenant an equal share of the free workers (at least one), so no tenant is always first.
    private func claimRound() async -> Int {
        let due: [TenantID]
        do {
            due = try await store.tenantsWithDueDeliveries(limit: 10_000)
        } catch {
            logger.error("list tenants with due deliveries failed", metadata: [LogMetadataKey.error: .string("\(error)")])
            return 0
        }
        guard !due.isEmpty, freeWorkers() > 0 else { return 0 }
        let tenants = rotated(due)
        let share = max(1, freeWorkers() / tenants.count)

        var started = 0
        var leader: TenantID?
        for tenant in tenants {
            let room = min(share, freeSlots(for: tenant))
            guard room > 0 else { continue }
            let claims: [DeliveryClaim]
            do {
                claims = try await store.claimDueDeliveries(
                    tenant: tenant, limit: room * max(1, settings.deliveriesPerBatch), leaseSeconds: settings.leaseSeconds
                )
            } catch {
                logger.error("claim deliveries failed", metadata: [LogMetadataKey.tenantID: .string(tenant.rawValue), LogMetadataKey.error: .string("\(error)")])
                continue
            }
            if leader == nil, !claims.isEmpty {
                leader = tenant
            }
            for batch in Self.split(claims, into: room) {
                start(batch, tenant: tenant)
                started += batch.count
            }
        }
        if let leader {
            lock.withLock { lastLeader = leader }
        }
        return started
    }

    /// Splits claims, in their order, into at most `count` batches of nearly equal size, so free workers share them.
    static func split(_ claims: [DeliveryClaim], into count: Int) -> [[DeliveryClaim]] {
        guard !claims.isEmpty else { return [] }
        let batches = min(max(1, count), claims.count)
        let size = (claims.count + batches - 1) / batches
        return stride(from: 0, to: claims.count, by: size).map { Array(claims[$0..<min($0 + size, claims.count)]) }
    }

    /// Returns the tenants in their stable order, starting after the tenant served first in the last round that started work.
    ///
    /// A round that starts nothing (every worker busy, or nothing claimable) leaves the
    /// leader where it was, so polling while workers are busy does not skip a tenant's turn.
    private func rotated(_ tenants: [TenantID]) -> [TenantID] {
        lock.withLock {
            let start = lastLeader.flatMap { leader in tenants.firstIndex { $0.rawValue > leader.rawValue } } ?? 0
            return Array(tenants[start...] + tenants[..<start])
        }
    }

    /// Runs a batch of claims and records every attempt with one write.
    ///
    /// Then it notes which retried deliveries wait for a target record, and
    /// makes due at once the deliveries that waited for a record this batch wrote.
    private func run(_ batch: [DeliveryClaim]) async {
        guard let tenant = batch.first?.delivery.tenantID else { return }
        let outcome = await processor.process(batch)
        let errors = await store.recordAttempts(Array(zip(outcome.reports, batch)).map { (report: $0, claim: $1) }, tenant: tenant)
        for (claim, error) in zip(batch, errors) {
            if let error {
                logRecordingFailure(error, claim: claim)
            }
        }
        if !outcome.waiting.isEmpty {
            var recorded = Set<DeliveryID>(minimumCapacity: batch.count)
            for (claim, error) in zip(batch, errors) where error == nil {
                recorded.insert(claim.deliveryID)
            }
            for (delivery, reference) in outcome.waiting where recorded.contains(delivery) {
                waiters.add(delivery, waitingFor: reference, tenant: tenant)
            }
        }
        await releaseWaiters(for: outcome.written, tenant: tenant)
    }

    /// Makes due the deliveries that waited for one of `written`, and wakes the loop when there are any.
    private func releaseWaiters(for written: [TargetReference], tenant: TenantID) async {
        let released = waiters.release(written, tenant: tenant)
        guard !released.isEmpty else { return }
        do {
            let due = try await store.makeDeliveriesDue(released, tenant: tenant, at: processor.clock.now())
            if due > 0 {
                logger.debug("made deliveries due whose missing record was written", metadata: [
                    LogMetadataKey.tenantID: .string(tenant.rawValue), "delivery.count": .integer(Int64(due)),
                ])
                wake()
            }
        } catch {
            // They keep their backoff schedule.
            logger.warning("make waiting deliveries due failed", metadata: [
                LogMetadataKey.tenantID: .string(tenant.rawValue), LogMetadataKey.error: .string("\(error)"),
            ])
        }
    }

    private func logRecordingFailure(_ error: any Error, claim: DeliveryClaim) {
        if let storeError = error as? StoreError, storeError.code == .leaseLost {
            logger.warning("dropped a result whose claim expired", metadata: [LogMetadataKey.deliveryID: .string(claim.deliveryID.description)])
            return
        }
        // The delivery stays in flight until its lease expires, then runs again; its operations are idempotent.
        logger.error("record delivery attempt failed", metadata: [
            LogMetadataKey.deliveryID: .string(claim.deliveryID.description), LogMetadataKey.error: .string("\(error)"),
        ])
    }

    private func freeWorkers() -> Int {
        lock.withLock { max(0, settings.workers - inFlightTotal) }
    }

    private func freeSlots(for tenant: TenantID) -> Int {
        lock.withLock {
            let globalRoom = settings.workers - inFlightTotal
            let tenantRoom = settings.maximumInFlightPerTenant - (inFlightByTenant[tenant] ?? 0)
            return max(0, min(globalRoom, tenantRoom))
        }
    }

    private func reserveSlot(for tenant: TenantID) {
        let total = lock.withLock {
            inFlightByTenant[tenant, default: 0] += 1
            inFlightTotal += 1
            return inFlightTotal
        }
        metrics.set(RuntimeMetrics.deliveriesInFlight, to: Double(total))
    }

    private func releaseSlot(for tenant: TenantID) {
        let total = lock.withLock {
            inFlightByTenant[tenant, default: 1] -= 1
            if inFlightByTenant[tenant] == 0 {
                inFlightByTenant[tenant] = nil
            }
            inFlightTotal -= 1
            return inFlightTotal
        }
        metrics.set(RuntimeMetrics.deliveriesInFlight, to: Double(total))
    }
}
