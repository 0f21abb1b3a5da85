import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func createDeliveries(_ deliveries: [NewDelivery], event: EventID, tenant: TenantID) async throws -> [Delivery] {
        let operation = "create deliveries for event \(event)"
        for delivery in deliveries {
            try delivery.validate(operation: operation)
        }
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            _ = try EventRows.require(event, tenant: tenant, operation: "create deliveries for event", on: db)
            return try deliveries.map { try DeliveryRows.insert($0, event: event, tenant: tenant, at: now, on: db) }
        }
    }

    package func createMissingDeliveries(_ pending: [(event: EventID, deliveries: [NewDelivery])], tenant: TenantID) async throws -> [Delivery] {
        let operation = "create missing deliveries for \(pending.count) stored events"
        for item in pending {
            for delivery in item.deliveries {
                try delivery.validate(operation: operation)
            }
        }
        guard !pending.isEmpty else {
            return []
        }
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            var created: [Delivery] = []
            for item in pending {
                _ = try EventRows.require(item.event, tenant: tenant, operation: "create deliveries for event", on: db)
                for delivery in item.deliveries {
                    let existing = try db.scalarInt64(
                        "SELECT id FROM deliveries WHERE event_id = ? AND flow_id = ? LIMIT 1",
                        [.integer(item.event.rawValue), .text(delivery.flowID.rawValue)])
                    if existing == nil {
                        created.append(try DeliveryRows.insert(delivery, event: item.event, tenant: tenant, at: now, on: db))
                    }
                }
            }
            return created
        }
    }

    package func claimDueDeliveries(tenant: TenantID, limit: Int, leaseSeconds: Int) async throws -> [DeliveryClaim] {
        precondition(limit > 0 && leaseSeconds > 0, "claim needs a positive limit and lease")
        let now = StoreTime.now(clock)
        let leaseExpiry = StoreTime.milliseconds(now) + Int64(leaseSeconds) * 1000

        return try await write("claim deliveries of tenant \"\(tenant)\"") { db in
            let due = try db.query(
                DeliveryRows.dueSQL,
                [.text(tenant.rawValue), .integer(StoreTime.milliseconds(now)), .integer(Int64(limit))],
                DeliveryRows.decode)

            // While in flight, next_attempt_at_ms is the lease expiry, so one index finds both kinds of due delivery.
            // The row is not read again, because `claimed` applies the UPDATE's changes to the row read above.
            // UPDATE ... RETURNING would make SQLite 3.40 build and drop a temporary table on every run.
            return try due.map { delivery in
                let changed = try db.execute(
                    """
                    UPDATE deliveries SET state = 'in_flight', claim_count = claim_count + 1, lease_expires_at_ms = ?1,
                        next_attempt_at_ms = ?1, updated_at_ms = ?2
                    WHERE tenant_id = ?3 AND id = ?4
                    """,
                    [.integer(leaseExpiry), .integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .integer(delivery.id.rawValue)])
                guard changed == 1 else {
                    throw StoreError(.storageFailure, "claim delivery \(delivery.id): the row vanished inside the transaction")
                }
                return DeliveryClaim(delivery: DeliveryRows.claimed(delivery, leaseExpiry: StoreTime.date(leaseExpiry), at: now))
            }
        }
    }

    package func tenantsWithDueDeliveries(limit: Int) async throws -> [TenantID] {
        let now = StoreTime.now(clock)
        return try await read("list tenants with due deliveries") { db in
            try db.query(DeliveryRows.tenantsWithDueDeliveriesSQL, [.integer(StoreTime.milliseconds(now)), .integer(Int64(limit))]) {
                TenantID(rawValue: try $0.text(0))
            }
        }
    }

    /// Sets every `in_flight` delivery to `pending`, due now, with no lease.
    ///
    /// `claim_count` stays, so a report under one of those claims gets `lease_lost`.
    package func releaseAllClaims() async throws -> Int {
        let now = StoreTime.milliseconds(StoreTime.now(clock))
        return try await write("release all delivery claims") { db in
            try db.execute(DeliveryRows.releaseAllClaimsSQL, [.integer(now)])
        }
    }

    package func makeDeliveriesDue(_ ids: [DeliveryID], tenant: TenantID, at instant: Date) async throws -> Int {
        guard !ids.isEmpty else {
            return 0
        }
        let list = JSONWriter.string(.array(ids.map { .number(JSONNumber($0.rawValue)) }))
        return try await write("make \(ids.count) deliveries of tenant \"\(tenant)\" due") { db in
            try db.execute(
                """
                UPDATE deliveries SET next_attempt_at_ms = ?3, updated_at_ms = ?3
                WHERE +tenant_id = ?1 AND id IN (SELECT value FROM json_each(?2)) AND state = 'pending' AND next_attempt_at_ms > ?3
                """,
                [.text(tenant.rawValue), .text(list), .integer(StoreTime.milliseconds(instant))])
        }
    }

    package func deliveryHoldingBack(_ id: DeliveryID, tenant: TenantID) async throws -> Delivery? {
        try await read("find the delivery holding back delivery \(id)") { db in
            _ = try DeliveryRows.require(id, tenant: tenant, operation: "find the delivery holding back delivery", on: db)
            return try db.queryFirst(DeliveryRows.holdingBackSQL, [.text(tenant.rawValue), .integer(id.rawValue)], DeliveryRows.decode)
        }
    }

    package func delivery(_ id: DeliveryID, tenant: TenantID) async throws -> Delivery {
        try await read("read delivery \(id)") { db in
            try DeliveryRows.require(id, tenant: tenant, operation: "read delivery", on: db)
        }
    }

    package func deliveries(tenant: TenantID, state: DeliveryState?, after afterID: DeliveryID?, limit: Int) async throws -> [Delivery] {
        try await read("list deliveries of tenant \"\(tenant)\"") { db in
            try db.query(
                """
                SELECT \(DeliveryRows.columns) FROM deliveries
                WHERE tenant_id = ?1 AND (?2 IS NULL OR state = ?2) AND id > ?3 ORDER BY id LIMIT ?4
                """,
                [.text(tenant.rawValue), .text(state?.rawValue), .integer(afterID?.rawValue ?? 0), .integer(Int64(limit))],
                DeliveryRows.decode)
        }
    }
}

/// Reading and writing rows of `deliveries`.
enum DeliveryRows {
    static let columns = """
        id, tenant_id, event_id, flow_id, ordering_key, state, attempt_count, next_attempt_at_ms, lease_expires_at_ms, \
        claim_count, mapping_id, mapping_version, connector_version, last_error, created_at_ms, updated_at_ms, ordering_version
        """

    /// Selects tenant `?1`'s deliveries due at `?2` that may run now, at most `?3`, in due order.
    ///
    /// A delivery waits while an earlier delivery of its ordering key is open, unless that one's flow is paused.
    static let dueSQL = """
        SELECT \(columns) FROM deliveries AS d
        WHERE d.tenant_id = ?1 AND (d.state = 'pending' OR d.state = 'in_flight') AND d.next_attempt_at_ms <= ?2
          AND d.flow_id NOT IN (SELECT f.id FROM flows AS f WHERE f.tenant_id = ?1 AND f.state = 'paused')
          AND NOT EXISTS (
              SELECT 1 FROM deliveries AS earlier
              WHERE earlier.tenant_id = d.tenant_id AND earlier.ordering_key = d.ordering_key
                AND (earlier.ordering_version < d.ordering_version
                     OR (earlier.ordering_version = d.ordering_version AND earlier.id < d.id)
                     OR earlier.state = 'in_flight')
                AND earlier.id != d.id AND (earlier.state = 'pending' OR earlier.state = 'in_flight')
                AND earlier.flow_id NOT IN (SELECT f.id FROM flows AS f WHERE f.tenant_id = ?1 AND f.state = 'paused'))
        ORDER BY d.next_attempt_at_ms, d.id
        LIMIT ?3
        """

    /// Selects the open delivery that keeps tenant `?1`'s open delivery `?2` from being claimed, by the rule of ``dueSQL``.
    static let holdingBackSQL = """
        SELECT \(columns.split(separator: ",").map { "earlier." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
        FROM deliveries AS d JOIN deliveries AS earlier ON earlier.tenant_id = d.tenant_id AND earlier.ordering_key = d.ordering_key
        WHERE d.tenant_id = ?1 AND d.id = ?2 AND (d.state = 'pending' OR d.state = 'in_flight')
          AND (earlier.ordering_version < d.ordering_version
               OR (earlier.ordering_version = d.ordering_version AND earlier.id < d.id)
               OR earlier.state = 'in_flight')
          AND earlier.id != d.id AND (earlier.state = 'pending' OR earlier.state = 'in_flight')
          AND earlier.flow_id NOT IN (SELECT f.id FROM flows AS f WHERE f.tenant_id = ?1 AND f.state = 'paused')
        ORDER BY earlier.ordering_version, earlier.id
        LIMIT 1
        """

    /// Returns `delivery` as the claim's `UPDATE` leaves it. It is in flight under the next claim, its lease
    /// expires at `leaseExpiry`, which is also its next attempt time, and it was updated at `now`.
    static func claimed(_ delivery: Delivery, leaseExpiry: Date, at now: Date) -> Delivery {
        Delivery(
            id: delivery.id, tenantID: delivery.tenantID, eventID: delivery.eventID, flowID: delivery.flowID, orderingKey: delivery.orderingKey,
            orderingVersion: delivery.orderingVersion, state: .inFlight, attemptCount: delivery.attemptCount, nextAttemptAt: leaseExpiry,
            leaseExpiresAt: leaseExpiry, claimCount: delivery.claimCount + 1, mapping: delivery.mapping,
            connectorVersion: delivery.connectorVersion, lastError: delivery.lastError, createdAt: delivery.createdAt, updatedAt: now)
    }

    /// Selects the delivery of tenant `?1` with id `?2`.
    static let selectByIDSQL = "SELECT \(columns) FROM deliveries WHERE tenant_id = ?1 AND id = ?2"

    /// Returns every in-flight delivery to pending, due at `?1`.
    ///
    /// The redundant `OR` term lets SQLite scan the partial index
    /// `deliveries_due`, which holds only open deliveries, instead of the table.
    static let releaseAllClaimsSQL = """
        UPDATE deliveries SET state = 'pending', next_attempt_at_ms = ?1, lease_expires_at_ms = NULL, updated_at_ms = ?1
        WHERE (state = 'pending' OR state = 'in_flight') AND state = 'in_flight'
        """

    /// Lists the tenants with a delivery due at `?1`, at most `?2`, in id order.
    ///
    /// A `SELECT DISTINCT tenant_id` reads every open delivery, and the
    /// delivery engine calls this after every batch it finishes, so a backlog
    /// of 10,000 made each batch scan 10,000 index entries. This loose index
    /// scan jumps from one tenant to the next in `deliveries_due` (one seek
    /// per tenant with open deliveries) and checks each for a due one.
    static let tenantsWithDueDeliveriesSQL = """
        WITH RECURSIVE open_tenants(tenant_id) AS (
            SELECT (SELECT min(tenant_id) FROM deliveries WHERE (state = 'pending' OR state = 'in_flight'))
            UNION ALL
            SELECT (SELECT min(later.tenant_id) FROM deliveries AS later
                    WHERE (later.state = 'pending' OR later.state = 'in_flight') AND later.tenant_id > open_tenants.tenant_id)
            FROM open_tenants WHERE open_tenants.tenant_id IS NOT NULL
        )
        SELECT tenant_id FROM open_tenants
        WHERE tenant_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM deliveries AS due
            WHERE due.tenant_id = open_tenants.tenant_id AND (due.state = 'pending' OR due.state = 'in_flight') AND due.next_attempt_at_ms <= ?1
              AND due.flow_id NOT IN (SELECT f.id FROM flows AS f WHERE f.tenant_id = open_tenants.tenant_id AND f.state = 'paused'))
        ORDER BY tenant_id LIMIT ?2
        """

    static let insertSQL = """
        INSERT INTO deliveries (tenant_id, event_id, flow_id, ordering_key, state, next_attempt_at_ms, mapping_id,
            mapping_version, connector_version, created_at_ms, updated_at_ms, ordering_version)
        VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7, ?8, ?9, ?9, ?10)
        """

    /// Inserts a pending delivery of `event` and reads it back; the caller has checked that the event is the tenant's.
    static func insert(_ delivery: NewDelivery, event: EventID, tenant: TenantID, at now: Date, on db: SQLiteConnection) throws -> Delivery {
        let id = try insertReturningID(delivery, event: event, tenant: tenant, at: now, on: db)
        return try require(id, tenant: tenant, operation: "create delivery for event \(event)", on: db)
    }

    /// Inserts a pending delivery of `event` and returns only its id, which is all the ingest path needs.
    static func insertReturningID(_ delivery: NewDelivery, event: EventID, tenant: TenantID, at now: Date, on db: SQLiteConnection) throws
        -> DeliveryID
    {
        try db.execute(
            insertSQL,
            [.text(tenant.rawValue), .integer(event.rawValue), .text(delivery.flowID.rawValue), .text(delivery.orderingKey),
             .integer(StoreTime.milliseconds(delivery.notBefore)), .text(delivery.mapping?.mappingID.rawValue),
             .integer(delivery.mapping?.version), .text(delivery.connectorVersion?.description), .integer(StoreTime.milliseconds(now)),
             .integer(delivery.orderingVersion)])
        return DeliveryID(rawValue: db.lastInsertRowID)
    }

    static func decode(_ row: SQLiteRow) throws -> Delivery {
        var mapping: MappingVersionReference?
        if let mappingID = try row.optionalText(10), let version = try row.optionalInt64(11) {
            mapping = MappingVersionReference(mappingID: MappingID(rawValue: mappingID), version: Int(version))
        }
        return Delivery(
            id: DeliveryID(rawValue: try row.int64(0)), tenantID: TenantID(rawValue: try row.text(1)),
            eventID: EventID(rawValue: try row.int64(2)), flowID: FlowID(rawValue: try row.text(3)), orderingKey: try row.text(4),
            orderingVersion: try row.int64(16),
            state: try StoredValue.decode(try row.text(5), as: DeliveryState.self, column: "deliveries.state"),
            attemptCount: try row.int(6), nextAttemptAt: StoreTime.date(try row.int64(7)),
            leaseExpiresAt: StoreTime.optionalDate(try row.optionalInt64(8)), claimCount: try row.int64(9), mapping: mapping,
            connectorVersion: try row.optionalText(12).map { try StoredValue.version($0, column: "deliveries.connector_version") },
            lastError: try row.optionalText(13), createdAt: StoreTime.date(try row.int64(14)), updatedAt: StoreTime.date(try row.int64(15)))
    }

    /// Reads the tenant's delivery, or throws `not_found` (also when it is another tenant's).
    static func require(_ id: DeliveryID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> Delivery {
        let found = try db.queryFirst(selectByIDSQL, [.text(tenant.rawValue), .integer(id.rawValue)], decode)
        guard let found else {
            throw StoreError.notFound(operation, "\(id)", of: tenant, remedy: .list(.deliveries), on: db)
        }
        return found
    }
}
