import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func deliverStoredEvents(_ request: StoredEventDelivery, tenant: TenantID, actor: String) async throws -> StoredEventDeliveryCount {
        let now = StoreTime.now(clock)
        let operation = "deliver stored events through flow \"\(request.flow)\""

        return try await write(operation) { db in
            let flow = try FlowRows.require(request.flow, tenant: tenant, operation: operation, on: db)
            try StoredEventRows.requireActiveRealtime(flow, operation: operation, on: db)
            let selection: [SQLiteValue] = [
                .text(tenant.rawValue), .text(flow.sourceConnectionID.rawValue),
                .text(JSONWriter.string(.array(flow.nativeEventTypes.map { .string($0) }))),
                .integer(StoreTime.milliseconds(request.since)), .text(flow.id.rawValue),
            ]
            let count = try StoredEventRows.count(selection, on: db)
            guard !request.dryRun, count.delivered > 0 else {
                return count
            }
            try db.execute(
                StoredEventRows.insertSQL,
                selection + [
                    .integer(StoreTime.milliseconds(now)), .text(request.mapping.mappingID.rawValue), .integer(request.mapping.version),
                    .text(request.connectorVersion.description),
                ])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "flow.stored_events_delivered", subjectKind: "flow", subjectID: flow.id.rawValue,
                    details: [
                        "since": .string(StoreTime.iso8601(request.since)), "deliveries_created": .number(JSONNumber(count.delivered)),
                        "already_delivered": .number(JSONNumber(count.alreadyDelivered)),
                        "without_payload": .number(JSONNumber(count.withoutPayload)),
                        "mapping_id": .string(request.mapping.mappingID.rawValue), "mapping_version": .number(JSONNumber(request.mapping.version)),
                    ]),
                scope: .tenant(tenant), on: db)
            return count
        }
    }
}

/// The SQL that selects a flow's stored events and gives them deliveries.
///
/// Arguments 1 to 5 select the events: tenant, source connection, the flow's
/// native event types as a JSON array, the earliest receipt time in
/// milliseconds, and the flow. The insert adds the time, the mapping id and
/// version, and the target connector version. New deliveries take the
/// event's ordering version (0 for events stored without one) and are due at once.
enum StoredEventRows {
    private static let selected = """
        FROM events AS e
        WHERE e.tenant_id = ?1 AND e.connection_id = ?2 AND e.event_type IN (SELECT value FROM json_each(?3)) AND e.received_at_ms >= ?4
        """
    private static let hasDelivery = "EXISTS (SELECT 1 FROM deliveries AS d WHERE d.event_id = e.id AND d.flow_id = ?5)"

    static let insertSQL = """
        INSERT INTO deliveries (tenant_id, event_id, flow_id, ordering_key, state, next_attempt_at_ms, mapping_id,
            mapping_version, connector_version, created_at_ms, updated_at_ms, ordering_version)
        SELECT e.tenant_id, e.id, ?5, coalesce(e.ordering_key, 'event:' || e.source_event_id), 'pending', ?6, ?7, ?8, ?9, ?6, ?6,
            coalesce(e.ordering_version, 0)
        \(selected) AND e.payload IS NOT NULL AND NOT \(hasDelivery)
        ORDER BY e.id
        """

    /// Throws `conflict` when the flow is scheduled or paused.
    ///
    /// It runs inside the write transaction, so a pause made just before cannot give a paused flow new
    /// deliveries. The mapping version is not checked again, because like a delivery made at ingest,
    /// one made here keeps the version that was active when it was requested.
    static func requireActiveRealtime(_ flow: Flow, operation: String, on db: SQLiteConnection) throws {
        guard flow.mode == .realtime else {
            throw StoreError(
                .conflict, "\(operation): the flow runs on a schedule, and each run creates its own deliveries",
                hint: "choose a real-time flow")
        }
        guard flow.state == .active else {
            throw StoreError(
                .conflict, "\(operation): the flow is \(flow.state.rawValue), so no delivery through it runs", remedy: .resumeFlow(flow.id),
                tenantSlug: TenantRows.slug(flow.tenantID, on: db))
        }
    }

    static func count(_ selection: [SQLiteValue], on db: SQLiteConnection) throws -> StoredEventDeliveryCount {
        let counted = try db.queryFirst(
            """
            SELECT coalesce(sum(CASE WHEN NOT \(hasDelivery) AND e.payload IS NOT NULL THEN 1 ELSE 0 END), 0),
                coalesce(sum(CASE WHEN \(hasDelivery) THEN 1 ELSE 0 END), 0),
                coalesce(sum(CASE WHEN NOT \(hasDelivery) AND e.payload IS NULL THEN 1 ELSE 0 END), 0)
            \(selected)
            """,
            selection
        ) { row in
            StoredEventDeliveryCount(delivered: try row.int(0), alreadyDelivered: try row.int(1), withoutPayload: try row.int(2))
        }
        return counted ?? StoredEventDeliveryCount(delivered: 0, alreadyDelivered: 0, withoutPayload: 0)
    }
}
