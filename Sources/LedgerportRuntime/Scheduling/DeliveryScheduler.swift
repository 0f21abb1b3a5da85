import Foundation

/// Chooses which delivery runs next: fair across tenants, in order within an ordering key.
///
/// The rules, which together give per-object ordering without letting one
/// tenant starve the others:
/// - **One at a time per key.** At most one delivery per (tenant, ordering key)
///   is in flight. Within a key, the pending delivery with the lowest
///   ``ScheduledDelivery/version`` (then the lowest sequence) goes first.
///   A delivery waiting for its retry time blocks the later ones of its key,
///   but an earlier one that arrives late may go ahead of it, so a payment
///   retried because its invoice was missing does not block that invoice.
/// - **Round robin across tenants.** Each call to ``next(now:)`` serves the
///   next tenant in turn that has ready work, so a tenant with a month-end burst
///   of 100,000 deliveries gets one slot per turn like a tenant with one.
/// - **A cap per tenant** on deliveries in flight, so one tenant cannot hold
///   every worker while its target is slow.
///
/// The scheduler is an in-memory index over the store's pending deliveries;
/// the store stays the source of truth and the runtime rebuilds the index at
/// start. Not thread-safe: the owning actor serializes access.
struct DeliveryScheduler {
    private struct KeyID: Hashable {
        let tenantID: String
        let orderingKey: String
    }

    private struct KeyState {
        var pending: [ScheduledDelivery] = []
        var inFlight: ScheduledDelivery?
        var generation = 0
    }

    private struct ReadyEntry {
        let readyAt: Date
        let version: Int64
        let sequence: Int64
        let key: KeyID
        let generation: Int
    }

    private struct TenantState {
        var ready = BinaryHeap<ReadyEntry> { lhs, rhs in
            (lhs.readyAt, lhs.version, lhs.sequence) < (rhs.readyAt, rhs.version, rhs.sequence)
        }
        var inFlight = 0
        var keyCount = 0
    }

    let maximumInFlightPerTenant: Int
    private var keys: [KeyID: KeyState] = [:]
    private var tenants: [String: TenantState] = [:]
    private var tenantOrder: [String] = []
    private var cursor = 0

    init(maximumInFlightPerTenant: Int) {
        precondition(maximumInFlightPerTenant >= 1, "each tenant may run at least one delivery")
        self.maximumInFlightPerTenant = maximumInFlightPerTenant
    }

    /// The number of deliveries pending or in flight.
    private(set) var count = 0

    /// Adds a delivery that is pending (new, or waiting for a retry at `readyAt`).
    mutating func enqueue(_ delivery: ScheduledDelivery) {
        let key = KeyID(tenantID: delivery.tenantID, orderingKey: delivery.orderingKey)
        if tenants[delivery.tenantID] == nil {
            tenants[delivery.tenantID] = TenantState()
            tenantOrder.append(delivery.tenantID)
        }
        if keys[key] == nil {
            tenants[delivery.tenantID]!.keyCount += 1
        }
        var state = keys[key] ?? KeyState()
        let position = state.pending.firstIndex { ($0.version, $0.sequence) > (delivery.version, delivery.sequence) } ?? state.pending.endIndex
        state.pending.insert(delivery, at: position)
        keys[key] = state
        count += 1
        publishHead(of: key)
    }

    /// Takes the next delivery to run at `now`, or nil when nothing is ready.
    mutating func next(now: Date) -> ScheduledDelivery? {
        guard !tenantOrder.isEmpty else { return nil }
        for offset in 0..<tenantOrder.count {
            let index = (cursor + offset) % tenantOrder.count
            let tenantID = tenantOrder[index]
            if let delivery = takeReady(tenantID: tenantID, now: now) {
                cursor = (index + 1) % tenantOrder.count
                return delivery
            }
        }
        return nil
    }

    /// The earliest time a pending delivery becomes ready, for the runtime's wake-up timer.
    mutating func earliestReadyTime() -> Date? {
        var earliest: Date?
        for tenantID in tenantOrder {
            dropStaleEntries(tenantID: tenantID)
            if let entry = tenants[tenantID]?.ready.first, earliest.map({ entry.readyAt < $0 }) ?? true {
                earliest = entry.readyAt
            }
        }
        return earliest
    }

    /// Marks the in-flight delivery done (delivered, parked or skipped) and frees its key.
    mutating func complete(_ delivery: ScheduledDelivery) {
        finish(delivery)
        count -= 1
    }

    /// Puts the in-flight delivery back as pending until `readyAt`, keeping its place in its key's order.
    mutating func retry(_ delivery: ScheduledDelivery, at readyAt: Date) {
        finish(delivery)
        count -= 1
        var retried = delivery
        retried.readyAt = readyAt
        enqueue(retried)
    }

    private mutating func finish(_ delivery: ScheduledDelivery) {
        let key = KeyID(tenantID: delivery.tenantID, orderingKey: delivery.orderingKey)
        guard var state = keys[key], state.inFlight?.deliveryID == delivery.deliveryID else {
            preconditionFailure("delivery \(delivery.deliveryID) is not in flight")
        }
        state.inFlight = nil
        tenants[delivery.tenantID]!.inFlight -= 1
        if state.pending.isEmpty {
            keys[key] = nil
            tenants[delivery.tenantID]!.keyCount -= 1
            removeTenantIfIdle(delivery.tenantID)
        } else {
            keys[key] = state
            publishHead(of: key)
        }
    }

    private mutating func takeReady(tenantID: String, now: Date) -> ScheduledDelivery? {
        guard let tenant = tenants[tenantID], tenant.inFlight < maximumInFlightPerTenant else { return nil }
        dropStaleEntries(tenantID: tenantID)
        guard let entry = tenants[tenantID]!.ready.first, entry.readyAt <= now else { return nil }
        tenants[tenantID]!.ready.popFirst()

        var state = keys[entry.key]!
        let delivery = state.pending.removeFirst()
        state.inFlight = delivery
        state.generation += 1
        keys[entry.key] = state
        tenants[tenantID]!.inFlight += 1
        return delivery
    }

    /// Publishes the key's first pending delivery in its tenant's ready heap, unless the key is busy.
    private mutating func publishHead(of key: KeyID) {
        guard var state = keys[key], state.inFlight == nil, let head = state.pending.first else { return }
        state.generation += 1
        keys[key] = state
        tenants[key.tenantID]!.ready.insert(ReadyEntry(
            readyAt: head.readyAt, version: head.version, sequence: head.sequence, key: key, generation: state.generation
        ))
    }

    /// Drops heap entries whose key has changed since they were published.
    private mutating func dropStaleEntries(tenantID: String) {
        while let entry = tenants[tenantID]?.ready.first {
            if let state = keys[entry.key], state.generation == entry.generation, state.inFlight == nil {
                return
            }
            tenants[tenantID]!.ready.popFirst()
        }
    }

    private mutating func removeTenantIfIdle(_ tenantID: String) {
        guard let tenant = tenants[tenantID], tenant.inFlight == 0, tenant.keyCount == 0 else { return }
        tenants[tenantID] = nil
        if let index = tenantOrder.firstIndex(of: tenantID) {
            tenantOrder.remove(at: index)
            if cursor > index { cursor -= 1 }
            if cursor >= tenantOrder.count { cursor = 0 }
        }
    }
}

/// A delivery as the scheduler sees it.
struct ScheduledDelivery: Sendable, Hashable {
    let deliveryID: Int64
    let tenantID: String
    let orderingKey: String
    /// The event's ordering version (source time in milliseconds, or a sequence).
    let version: Int64
    /// The event's arrival sequence, which breaks ties between equal versions.
    let sequence: Int64
    var readyAt: Date
}
