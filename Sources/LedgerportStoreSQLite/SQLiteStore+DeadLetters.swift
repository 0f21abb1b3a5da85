import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func deadLetters(tenant: TenantID, filter: DeadLetterFilter, after afterID: DeadLetterID?, limit: Int) async throws -> [DeadLetter] {
        try await read("list dead letters of tenant \"\(tenant)\"") { db in
            try db.query(
                """
                SELECT \(DeadLetterRows.columns) FROM dead_letters
                WHERE tenant_id = ?1 AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR reason = ?3)
                  AND (?4 IS NULL OR flow_id = ?4) AND (?7 IS NULL OR parked_at_ms >= ?7) AND id > ?5
                ORDER BY id LIMIT ?6
                """,
                [.text(tenant.rawValue), .text(filter.status?.rawValue), .text(filter.reason?.rawValue), .text(filter.flowID?.rawValue),
                 .integer(afterID?.rawValue ?? 0), .integer(Int64(limit)), .integer(filter.parkedSince.map(StoreTime.milliseconds))],
                DeadLetterRows.decode)
        }
    }

    package func deadLetter(_ id: DeadLetterID, tenant: TenantID) async throws -> DeadLetter {
        try await read("read dead letter \(id)") { db in
            try DeadLetterRows.require(id, tenant: tenant, operation: "read dead letter", on: db)
        }
    }

    package func replayDeadLetter(
        _ id: DeadLetterID, notBefore: Date, mapping: MappingVersionReference?, tenant: TenantID, actor: String
    ) async throws -> Delivery {
        let now = StoreTime.now(clock)
        let operation = "replay dead letter \(id)"

        return try await write(operation) { db in
            let letter = try DeadLetterRows.requireParked(id, tenant: tenant, operation: "replay dead letter", on: db)
            if let mapping {
                try MappingRows.requireVersion(mapping, tenant: tenant, operation: "\(operation) under", on: db)
            }
            try DeadLetterRows.close(letter, as: .replayed, reason: "replayed", actor: actor, at: now, on: db)
            try db.execute(
                """
                UPDATE deliveries SET state = 'pending', attempt_count = 0, next_attempt_at_ms = ?1, lease_expires_at_ms = NULL,
                    mapping_id = coalesce(?2, mapping_id), mapping_version = coalesce(?3, mapping_version), updated_at_ms = ?4
                WHERE tenant_id = ?5 AND id = ?6
                """,
                [.integer(StoreTime.milliseconds(notBefore)), .text(mapping?.mappingID.rawValue), .integer(mapping?.version),
                 .integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .integer(letter.deliveryID.rawValue)])

            var details: JSONObject = ["delivery_id": .number(JSONNumber(letter.deliveryID.rawValue))]
            if let mapping {
                details["mapping_id"] = .string(mapping.mappingID.rawValue)
                details["mapping_version"] = .number(JSONNumber(mapping.version))
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "dead_letter.replayed", subjectKind: "dead_letter", subjectID: id.description,
                    details: .object(details)),
                scope: .tenant(tenant), on: db)
            return try DeliveryRows.require(letter.deliveryID, tenant: tenant, operation: operation, on: db)
        }
    }

    package func closeDeadLetter(_ id: DeadLetterID, as status: DeadLetterStatus, reason: String, tenant: TenantID, actor: String)
        async throws -> DeadLetter
    {
        let operation = "close dead letter \(id)"
        guard status == .resolved || status == .discarded else {
            throw StoreError.invalidInput(
                operation, "status \"\(status.rawValue)\"", "a dead letter closes as \"resolved\" or \"discarded\"",
                hint: "replay a dead letter with the replay action instead")
        }
        try StoreValidation.validateNotBlank(reason, operation: operation, valueName: "reason")
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            let letter = try DeadLetterRows.requireParked(id, tenant: tenant, operation: "close dead letter", on: db)
            try DeadLetterRows.close(letter, as: status, reason: reason, actor: actor, at: now, on: db)
            if status == .discarded {
                try db.execute(
                    "UPDATE deliveries SET state = 'discarded', updated_at_ms = ? WHERE tenant_id = ? AND id = ?",
                    [.integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .integer(letter.deliveryID.rawValue)])
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "dead_letter.\(status.rawValue)", subjectKind: "dead_letter",
                    subjectID: id.description, details: ["reason": .string(reason)]),
                scope: .tenant(tenant), on: db)
            return try DeadLetterRows.require(id, tenant: tenant, operation: operation, on: db)
        }
    }
}

/// Reading and writing rows of `dead_letters`.
enum DeadLetterRows {
    static let columns = """
        id, tenant_id, delivery_id, event_id, flow_id, reason, error_code, message, target_message, correlation_id, status, \
        parked_at_ms, closed_at_ms, close_reason, closed_by
        """

    /// Parks `delivery` with its event's correlation id.
    static func park(_ delivery: Delivery, reason: DeadLetterReason, error: AttemptError, at now: Date, on db: SQLiteConnection) throws {
        try db.execute(
            """
            INSERT INTO dead_letters (tenant_id, delivery_id, event_id, flow_id, reason, error_code, message, target_message,
                correlation_id, status, parked_at_ms)
            SELECT ?1, ?2, e.id, ?3, ?4, ?5, ?6, ?7, e.correlation_id, 'parked', ?8
            FROM events AS e WHERE e.tenant_id = ?1 AND e.id = ?9
            """,
            [.text(delivery.tenantID.rawValue), .integer(delivery.id.rawValue), .text(delivery.flowID.rawValue), .text(reason.rawValue),
             .text(error.code), .text(error.message), .text(error.targetMessage), .integer(StoreTime.milliseconds(now)),
             .integer(delivery.eventID.rawValue)])
        guard db.changes == 1 else {
            throw StoreError(.storageFailure, "park delivery \(delivery.id): its event \(delivery.eventID) is missing")
        }
    }

    static func close(_ letter: DeadLetter, as status: DeadLetterStatus, reason: String, actor: String, at now: Date, on db: SQLiteConnection) throws {
        try db.execute(
            "UPDATE dead_letters SET status = ?, closed_at_ms = ?, close_reason = ?, closed_by = ? WHERE tenant_id = ? AND id = ?",
            [.text(status.rawValue), .integer(StoreTime.milliseconds(now)), .text(reason), .text(actor), .text(letter.tenantID.rawValue),
             .integer(letter.id.rawValue)])
    }

    static func decode(_ row: SQLiteRow) throws -> DeadLetter {
        DeadLetter(
            id: DeadLetterID(rawValue: try row.int64(0)), tenantID: TenantID(rawValue: try row.text(1)),
            deliveryID: DeliveryID(rawValue: try row.int64(2)), eventID: EventID(rawValue: try row.int64(3)),
            flowID: FlowID(rawValue: try row.text(4)),
            reason: try StoredValue.decode(try row.text(5), as: DeadLetterReason.self, column: "dead_letters.reason"),
            errorCode: try row.text(6), message: try row.text(7), targetMessage: try row.optionalText(8), correlationID: try row.text(9),
            status: try StoredValue.decode(try row.text(10), as: DeadLetterStatus.self, column: "dead_letters.status"),
            parkedAt: StoreTime.date(try row.int64(11)), closedAt: StoreTime.optionalDate(try row.optionalInt64(12)),
            closeReason: try row.optionalText(13), closedBy: try row.optionalText(14))
    }

    static func require(_ id: DeadLetterID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> DeadLetter {
        let found = try db.queryFirst(
            "SELECT \(columns) FROM dead_letters WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .integer(id.rawValue)], decode)
        guard let found else {
            throw StoreError.notFound(operation, "\(id)", of: tenant, remedy: .list(.deadLetters), on: db)
        }
        return found
    }

    /// Reads the dead letter and throws `conflict` unless it is still parked.
    static func requireParked(_ id: DeadLetterID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> DeadLetter {
        let letter = try require(id, tenant: tenant, operation: operation, on: db)
        guard letter.status == .parked else {
            // A replayed delivery that failed again is parked under a new dead letter; name it, since that is the one to act on.
            let newer = try db.queryFirst(
                "SELECT id FROM dead_letters WHERE tenant_id = ? AND delivery_id = ? AND status = 'parked'",
                [.text(tenant.rawValue), .integer(letter.deliveryID.rawValue)]) { try $0.int64(0) }
            if let newer {
                throw StoreError.conflict(
                    operation, "\(id)", "it is already \(letter.status.rawValue)",
                    hint: "its delivery was parked again as dead letter \(newer); inspect or replay that one")
            }
            // The remedy lets the admin API name its listing route and the CLI its listing command.
            throw StoreError(
                .conflict, "\(operation) \(id): it is already \(letter.status.rawValue)", remedy: .list(.deadLetters),
                tenantSlug: TenantRows.slug(tenant, on: db))
        }
        return letter
    }
}
