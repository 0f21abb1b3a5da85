import Foundation

/// The delivery queue: claiming due deliveries and recording each attempt.
package protocol DeliveryStore: Sendable {
    /// Creates deliveries for an event already stored, for example a backfill through a new flow.
    ///
    /// - Throws: ``StoreError`` `not_found` when the event is not the tenant's.
    func createDeliveries(_ deliveries: [NewDelivery], event: EventID, tenant: TenantID) async throws -> [Delivery]

    /// Creates, for each listed event already stored, the deliveries whose flow has none for that event yet, in one transaction.
    ///
    /// A scheduled flow that lists an object which another flow of the same
    /// source connection stored before (same source event id) gets its own
    /// delivery this way. A window listed again by the same flow creates
    /// nothing, because each of its events has that flow's delivery already.
    ///
    /// - Throws: ``StoreError`` `not_found` when an event is not the tenant's.
    func createMissingDeliveries(_ pending: [(event: EventID, deliveries: [NewDelivery])], tenant: TenantID) async throws -> [Delivery]

    /// Claims up to `limit` due deliveries of a tenant for `leaseSeconds`, oldest due first.
    ///
    /// A delivery is due when it is `pending` with a next attempt time at or
    /// before now, or `in_flight` with an expired lease (its worker died).
    /// It is skipped while an earlier delivery (lower id) with the same
    /// ordering key is `pending` or `in_flight`, so one business object's
    /// deliveries run one at a time, in order. Deliveries through a paused
    /// flow are not claimed until it is resumed, and they hold back no other
    /// flow's deliveries meanwhile. Claiming sets `in_flight`, the lease
    /// expiry, and a new claim number.
    func claimDueDeliveries(tenant: TenantID, limit: Int, leaseSeconds: Int) async throws -> [DeliveryClaim]

    /// Lists tenants that have at least one due delivery, at most `limit`. A platform method, for fair scheduling.
    ///
    /// NOTE: a listed tenant's due deliveries may all be held back by the ordering rule, so a claim can return none.
    func tenantsWithDueDeliveries(limit: Int) async throws -> [TenantID]

    /// Records one attempt of a claimed delivery and moves the delivery on, in one transaction.
    ///
    /// `delivered` marks it delivered, and `retry` makes it pending again at
    /// the given time. `park` marks it parked and creates a ``DeadLetter`` with
    /// the reason, the error, and the event's correlation id.
    ///
    /// - Returns: the delivery after the change.
    /// - Throws: ``StoreError`` `lease_lost` when the claim is no longer the
    ///   delivery's current one (it expired and was claimed again); nothing is recorded then.
    func recordAttempt(_ report: DeliveryAttemptReport, claim: DeliveryClaim, tenant: TenantID) async throws -> Delivery

    /// Records attempts of several claimed deliveries of one tenant, each as ``recordAttempt(_:claim:tenant:)`` does.
    ///
    /// Each attempt is recorded or not on its own: an attempt's error (such
    /// as `lease_lost`) records nothing for it and does not stop the others.
    /// The default implementation records them concurrently, so they share commits.
    ///
    /// - Returns: for each attempt, in order, nil when it was recorded, else its error.
    func recordAttempts(_ attempts: [(report: DeliveryAttemptReport, claim: DeliveryClaim)], tenant: TenantID) async -> [(any Error)?]

    /// Makes the tenant's pending deliveries among `ids` due at `instant`, when they were due later, and returns how many changed.
    ///
    /// The runtime calls it when a target record that these deliveries failed
    /// to find has just been written, so they need not wait out their backoff.
    /// Deliveries of other tenants, and ones in any other state, are left alone.
    func makeDeliveriesDue(_ ids: [DeliveryID], tenant: TenantID, at instant: Date) async throws -> Int

    /// Returns the open delivery of the same business object that keeps the open delivery `id` from being claimed, if any.
    ///
    /// It applies the rule of ``claimDueDeliveries(tenant:limit:leaseSeconds:)``: an earlier open delivery of
    /// the same ordering key, outside a paused flow. - Throws: ``StoreError`` `not_found` for another tenant's delivery.
    func deliveryHoldingBack(_ id: DeliveryID, tenant: TenantID) async throws -> Delivery?

    /// Reads one delivery. - Throws: ``StoreError`` `not_found`, also for another tenant's delivery.
    func delivery(_ id: DeliveryID, tenant: TenantID) async throws -> Delivery

    /// Lists a tenant's deliveries in id order after `afterID`, in one state or all, at most `limit`.
    func deliveries(tenant: TenantID, state: DeliveryState?, after afterID: DeliveryID?, limit: Int) async throws -> [Delivery]

    /// Lists every attempt of a delivery, in order.
    func deliveryAttempts(delivery: DeliveryID, tenant: TenantID) async throws -> [DeliveryAttempt]

    /// Returns every in-flight delivery of every tenant to pending, due now. A platform method.
    ///
    /// A single-node runtime calls it at start: the claims it finds were made
    /// by a process that is gone, so waiting for their leases to expire would
    /// only delay the deliveries. Later reports under those claims are rejected
    /// with `lease_lost`. Returns how many deliveries were released.
    func releaseAllClaims() async throws -> Int
}

extension DeliveryStore {
    package func recordAttempts(_ attempts: [(report: DeliveryAttemptReport, claim: DeliveryClaim)], tenant: TenantID) async -> [(any Error)?] {
        await withTaskGroup(of: (Int, (any Error)?).self) { group in
            for (index, attempt) in attempts.enumerated() {
                group.addTask {
                    do {
                        _ = try await recordAttempt(attempt.report, claim: attempt.claim, tenant: tenant)
                        return (index, nil)
                    } catch {
                        return (index, error)
                    }
                }
            }
            var errors = [(any Error)?](repeating: nil, count: attempts.count)
            for await (index, error) in group {
                errors[index] = error
            }
            return errors
        }
    }
}
