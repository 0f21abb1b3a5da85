import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func insertEvents(_ events: [NewEvent], tenant: TenantID) async throws -> [IngestOutcome] {
        for event in events {
            try event.validate()
        }
        guard !events.isEmpty else {
            return []
        }
        let now = StoreTime.now(clock)

        return try await write(
            "ingest \(events.count) events for tenant \"\(tenant)\"", rerunnable: true, Self.insertion(of: events, tenant: tenant, at: now))
    }

    package func insertEvents(
        _ events: [NewEvent], tenant: TenantID, completion: @escaping @Sendable (Result<[IngestOutcome], any Error>) -> Void
    ) {
        do {
            for event in events {
                try event.validate()
            }
        } catch {
            completion(.failure(error))
            return
        }
        guard !events.isEmpty else {
            completion(.success([]))
            return
        }
        let count = events.count
        pool.write(rerunnable: true, Self.insertion(of: events, tenant: tenant, at: StoreTime.now(clock))) { result in
            switch result {
            case .success(let outcomes): completion(.success(outcomes))
            case .failure(let error):
                completion(.failure(StoreError.translating(error, operation: "ingest \(count) events for tenant \"\(tenant)\"")))
            }
        }
    }

    /// Returns the write closure of an ingest, which checks the connections, then inserts each event unless it is a duplicate.
    ///
    /// It only reads and writes the database, so the writer may run it again (see `SQLiteDatabasePool.write`).
    private static func insertion(
        of events: [NewEvent], tenant: TenantID, at now: Date
    ) -> @Sendable (SQLiteConnection) throws -> [IngestOutcome] {
        { db in
            // A webhook's events share one connection, so a list checks each once without hashing.
            var checked: [ConnectionID] = []
            for event in events where !checked.contains(event.connectionID) {
                try ConnectionRows.requireExists(event.connectionID, tenant: tenant, operation: "ingest event for connection", on: db)
                checked.append(event.connectionID)
            }
            return try events.map { try EventRows.insert($0, tenant: tenant, at: now, on: db) }
        }
    }

    package func event(_ id: EventID, tenant: TenantID) async throws -> StoredEvent {
        try await read("read event \(id)") { db in
            try EventRows.require(id, tenant: tenant, operation: "read event", on: db)
        }
    }

    package func events(ids: [EventID], tenant: TenantID) async throws -> [StoredEvent] {
        guard !ids.isEmpty else {
            return []
        }
        let list = JSONWriter.string(.array(ids.map { .number(JSONNumber($0.rawValue)) }))
        return try await read("read \(ids.count) events of tenant \"\(tenant)\"") { db in
            try db.query(EventRows.selectByIDsSQL, [.text(tenant.rawValue), .text(list)], EventRows.decode)
        }
    }

    package func events(tenant: TenantID, connection: ConnectionID?, after afterID: EventID?, limit: Int) async throws -> [StoredEvent] {
        try await read("list events of tenant \"\(tenant)\"") { db in
            try db.query(
                """
                SELECT \(EventRows.columns) FROM events
                WHERE tenant_id = ?1 AND (?2 IS NULL OR connection_id = ?2) AND id > ?3 ORDER BY id LIMIT ?4
                """,
                [.text(tenant.rawValue), .text(connection?.rawValue), .integer(afterID?.rawValue ?? 0), .integer(Int64(limit))],
                EventRows.decode)
        }
    }

    package func newestEvents(tenant: TenantID, connection: ConnectionID, eventTypes: [String]?, limit: Int) async throws -> [StoredEvent] {
        // The types travel as one JSON array, so the statement text stays the same for any number of them.
        let types: SQLiteValue = eventTypes.map { .text(JSONWriter.string(.array($0.map(JSONValue.string)))) } ?? .null
        return try await read("list the newest events of connection \"\(connection)\"") { db in
            try db.query(
                """
                SELECT \(EventRows.columns) FROM events
                WHERE tenant_id = ?1 AND connection_id = ?2 AND (?3 IS NULL OR event_type IN (SELECT value FROM json_each(?3)))
                  AND payload IS NOT NULL
                ORDER BY id DESC LIMIT ?4
                """,
                [.text(tenant.rawValue), .text(connection.rawValue), types, .integer(Int64(limit))], EventRows.decode)
        }
    }

    package func removePayloads(receivedBefore cutoff: Date, tenant: TenantID) async throws -> Int {
        // NOTE: no index covers received_at_ms, so this scans the tenant's events; run it off-peak in batches of tenants.
        try await write("remove event payloads of tenant \"\(tenant)\"") { db in
            try db.execute(
                """
                UPDATE events SET payload = NULL
                WHERE tenant_id = ?1 AND received_at_ms < ?2 AND payload IS NOT NULL
                  AND NOT EXISTS (
                      SELECT 1 FROM deliveries AS d
                      WHERE d.tenant_id = ?1 AND d.event_id = events.id AND d.state IN ('pending', 'in_flight', 'parked'))
                """,
                [.text(tenant.rawValue), .integer(StoreTime.milliseconds(cutoff))])
        }
    }
}

/// Reading and writing rows of `events`.
enum EventRows {
    static let columns =
        "id, tenant_id, connection_id, source_event_id, event_type, received_at_ms, correlation_id, payload, payload_sha256, ordering_key"

    /// Selects the events of tenant `?1` whose ids are in the JSON array `?2`.
    ///
    /// The unary `+` keeps SQLite from reading every event of the tenant
    /// through the unique index on `tenant_id`: the ids are looked up by rowid.
    static let selectByIDsSQL = "SELECT \(columns) FROM events WHERE +tenant_id = ?1 AND id IN (SELECT value FROM json_each(?2))"

    /// Inserts `event` unless its source event id is stored already; creates its deliveries only when it is new.
    static func insert(_ event: NewEvent, tenant: TenantID, at now: Date, on db: SQLiteConnection) throws -> IngestOutcome {
        // The inserted row's id comes from last_insert_rowid: a RETURNING clause would make SQLite 3.40 build and
        // drop a temporary table for every event.
        let changed = try db.execute(
            """
            INSERT INTO events (tenant_id, connection_id, source_event_id, event_type, received_at_ms, correlation_id,
                payload, payload_sha256, ordering_key, ordering_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, connection_id, source_event_id) DO NOTHING
            """,
            [.text(tenant.rawValue), .text(event.connectionID.rawValue), .text(event.sourceEventID), .text(event.eventType),
             .integer(StoreTime.milliseconds(event.receivedAt)), .text(event.correlationID), .blob(event.payload),
             .blob(event.payloadSHA256), .text(event.orderingKey), .integer(event.orderingVersion)])
        let inserted: Int64? = changed == 1 ? db.lastInsertRowID : nil

        guard let inserted else {
            let existing = try db.scalarInt64(
                "SELECT id FROM events WHERE tenant_id = ? AND connection_id = ? AND source_event_id = ?",
                [.text(tenant.rawValue), .text(event.connectionID.rawValue), .text(event.sourceEventID)])
            guard let existing else {
                throw StoreError(.storageFailure, "ingest event \"\(event.sourceEventID)\": the conflicting event is missing")
            }
            return .duplicate(EventID(rawValue: existing))
        }

        let eventID = EventID(rawValue: inserted)
        let deliveries = try event.deliveries.map { try DeliveryRows.insertReturningID($0, event: eventID, tenant: tenant, at: now, on: db) }
        return .stored(eventID, deliveries: deliveries)
    }

    static func decode(_ row: SQLiteRow) throws -> StoredEvent {
        StoredEvent(
            id: EventID(rawValue: try row.int64(0)), tenantID: TenantID(rawValue: try row.text(1)),
            connectionID: ConnectionID(rawValue: try row.text(2)), sourceEventID: try row.text(3), eventType: try row.text(4),
            receivedAt: StoreTime.date(try row.int64(5)), correlationID: try row.text(6), payload: try row.optionalBlob(7),
            payloadSHA256: try row.blob(8), orderingKey: try row.optionalText(9))
    }

    /// Reads the tenant's event, or throws `not_found` (also when it is another tenant's).
    static func require(_ id: EventID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> StoredEvent {
        let found = try db.queryFirst(
            "SELECT \(columns) FROM events WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .integer(id.rawValue)], decode)
        guard let found else {
            throw StoreError.notFound(
                operation, "\(id) of \(TenantRows.label(tenant, on: db))", hint: "list the tenant's events to find its id")
        }
        return found
    }
}
