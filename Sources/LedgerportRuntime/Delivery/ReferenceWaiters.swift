import Foundation
import LedgerportSDK
import LedgerportStore

/// Deliveries that failed because a target record did not exist yet, by that record, so that writing it makes them due at once.
///
/// A payment that arrives before its invoice fails with `reference_not_found`
/// and is retried with backoff, up to a minute apart. When another delivery
/// writes the missing invoice, the engine takes the payment's delivery from
/// here and makes it due, so the two land seconds apart instead. The registry
/// lives in memory and contains at most ``capacity`` deliveries. After a
/// restart, or beyond that, deliveries keep their backoff schedule. Thread-safe.
final class ReferenceWaiters: @unchecked Sendable {
    private struct Key: Hashable {
        let tenantID: TenantID
        let reference: TargetReference
    }

    /// The maximum number of deliveries in the registry; further ones keep their schedule.
    let capacity: Int
    private let lock = NSLock()
    private var waiting: [Key: Set<DeliveryID>] = [:]
    private var count = 0

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// Notes that `delivery` waits for `reference` to be written; ignored when the registry is full.
    func add(_ delivery: DeliveryID, waitingFor reference: TargetReference, tenant: TenantID) {
        lock.withLock {
            guard count < capacity else { return }
            if waiting[Key(tenantID: tenant, reference: reference), default: []].insert(delivery).inserted {
                count += 1
            }
        }
    }

    /// Removes and returns the deliveries that wait for any of `references` of the tenant.
    func release(_ references: [TargetReference], tenant: TenantID) -> [DeliveryID] {
        lock.withLock {
            // Most batches find no delivery waiting, so they skip hashing their references.
            guard count > 0 else { return [] }
            var released: [DeliveryID] = []
            for reference in references {
                if let deliveries = waiting.removeValue(forKey: Key(tenantID: tenant, reference: reference)) {
                    released += deliveries
                    count -= deliveries.count
                }
            }
            return released.sorted { $0.rawValue < $1.rawValue }
        }
    }

    /// The number of deliveries waiting.
    var waitingCount: Int {
        lock.withLock { count }
    }
}
