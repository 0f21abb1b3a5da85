import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func createFlow(_ flow: NewFlow, tenant: TenantID, actor: String) async throws -> Flow {
        try flow.validate()
        let now = StoreTime.now(clock)
        let created = Flow(
            tenantID: tenant, id: flow.id, environment: flow.environment, sourceConnectionID: flow.sourceConnectionID,
            targetConnectionID: flow.targetConnectionID, mappingID: flow.mappingID, nativeEventTypes: flow.nativeEventTypes,
            mode: flow.mode, schedule: flow.schedule, retryPolicy: flow.retryPolicy, sloObjective: flow.sloObjective,
            sloTargetSeconds: flow.sloTargetSeconds, state: .active, createdAt: now, updatedAt: now)
        let operation = "create flow \"\(flow.id)\""

        return try await write(operation) { db in
            try TenantRows.requireTenant(tenant, operation: operation, on: db)
            try TenantRows.requireEnvironment(flow.environment, tenant: tenant, operation: operation, on: db)
            let source = try ConnectionRows.require(flow.sourceConnectionID, tenant: tenant, operation: "\(operation): source connection", on: db)
            let target = try ConnectionRows.require(flow.targetConnectionID, tenant: tenant, operation: "\(operation): target connection", on: db)
            if let violation = FlowEnvironmentRule.violation(flow: flow.id, environment: flow.environment, source: source, target: target) {
                throw violation
            }
            do {
                try FlowRows.insert(created, on: db)
            } catch let error as SQLiteError where error.isUniqueViolation {
                throw StoreError.alreadyExists("create flow", "\"\(flow.id)\" of \(TenantRows.label(tenant, on: db))", hint: "choose another flow id")
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "flow.created", subjectKind: "flow", subjectID: flow.id.rawValue,
                    details: [
                        "environment": .string(flow.environment.rawValue), "source_connection_id": .string(flow.sourceConnectionID.rawValue),
                        "target_connection_id": .string(flow.targetConnectionID.rawValue), "mapping_id": .string(flow.mappingID.rawValue),
                        "mode": .string(flow.mode.rawValue), "native_event_types": .array(flow.nativeEventTypes.map { .string($0) }),
                    ]),
                scope: .tenant(tenant), on: db)
            return created
        }
    }

    package func flow(_ id: FlowID, tenant: TenantID) async throws -> Flow {
        try await read("read flow \"\(id)\"") { db in
            try FlowRows.require(id, tenant: tenant, operation: "read flow", on: db)
        }
    }

    package func flows(tenant: TenantID, environment: EnvironmentName?) async throws -> [Flow] {
        try await read("list flows of tenant \"\(tenant)\"") { db in
            try db.query(
                "SELECT \(FlowRows.columns) FROM flows WHERE tenant_id = ?1 AND (?2 IS NULL OR environment = ?2) ORDER BY id",
                [.text(tenant.rawValue), .text(environment?.rawValue)], FlowRows.decode)
        }
    }

    /// Pauses or resumes a flow with a `flow.paused` or `flow.resumed` audit entry.
    ///
    /// A flow already in `state` is returned unchanged, and no entry is written.
    package func setFlowState(_ state: FlowState, flow: FlowID, tenant: TenantID, actor: String) async throws -> Flow {
        let now = StoreTime.now(clock)
        let operation = "set state of flow \"\(flow)\""

        return try await write(operation) { db in
            let before = try FlowRows.require(flow, tenant: tenant, operation: "set state of flow", on: db)
            guard before.state != state else {
                return before
            }
            try db.execute(
                "UPDATE flows SET state = ?, updated_at_ms = ? WHERE tenant_id = ? AND id = ?",
                [.text(state.rawValue), .integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .text(flow.rawValue)])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: state == .paused ? "flow.paused" : "flow.resumed", subjectKind: "flow",
                    subjectID: flow.rawValue),
                scope: .tenant(tenant), on: db)
            return try FlowRows.require(flow, tenant: tenant, operation: "set state of flow", on: db)
        }
    }

    package func activeFlows() async throws -> [Flow] {
        try await read("list active flows") { db in
            try db.query("SELECT \(FlowRows.columns) FROM flows WHERE state = 'active' ORDER BY tenant_id, id", [], FlowRows.decode)
        }
    }
}

/// Reading and writing rows of `flows`.
enum FlowRows {
    static let columns = """
        tenant_id, id, environment, source_connection_id, target_connection_id, mapping_id, native_event_types_json, mode, \
        schedule_json, retry_policy_json, slo_objective, slo_target_seconds, state, created_at_ms, updated_at_ms
        """

    static func insert(_ flow: Flow, on db: SQLiteConnection) throws {
        try db.execute(
            "INSERT INTO flows (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(flow.tenantID.rawValue), .text(flow.id.rawValue), .text(flow.environment.rawValue),
             .text(flow.sourceConnectionID.rawValue), .text(flow.targetConnectionID.rawValue), .text(flow.mappingID.rawValue),
             .text(JSONWriter.string(.array(flow.nativeEventTypes.map { .string($0) }))), .text(flow.mode.rawValue),
             .text(flow.schedule.map { JSONWriter.string($0) }), .text(JSONWriter.string(flow.retryPolicy)),
             .text(flow.sloObjective.description), .integer(flow.sloTargetSeconds), .text(flow.state.rawValue),
             .integer(StoreTime.milliseconds(flow.createdAt)), .integer(StoreTime.milliseconds(flow.updatedAt))])
    }

    static func decode(_ row: SQLiteRow) throws -> Flow {
        Flow(
            tenantID: TenantID(rawValue: try row.text(0)), id: FlowID(rawValue: try row.text(1)),
            environment: EnvironmentName(rawValue: try row.text(2)), sourceConnectionID: ConnectionID(rawValue: try row.text(3)),
            targetConnectionID: ConnectionID(rawValue: try row.text(4)), mappingID: MappingID(rawValue: try row.text(5)),
            nativeEventTypes: try decodeEventTypes(try row.text(6)),
            mode: try StoredValue.decode(try row.text(7), as: FlowMode.self, column: "flows.mode"),
            schedule: try row.optionalText(8).map { try StoredJSON.parse($0, column: "flows.schedule_json") },
            retryPolicy: try StoredJSON.parse(try row.text(9), column: "flows.retry_policy_json"),
            sloObjective: try StoredValue.decimal(try row.text(10), column: "flows.slo_objective"), sloTargetSeconds: try row.int(11),
            state: try StoredValue.decode(try row.text(12), as: FlowState.self, column: "flows.state"),
            createdAt: StoreTime.date(try row.int64(13)), updatedAt: StoreTime.date(try row.int64(14)))
    }

    /// Reads the tenant's flow, or throws `not_found` (also when it is another tenant's).
    @discardableResult
    static func require(_ id: FlowID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> Flow {
        let found = try db.queryFirst(
            "SELECT \(columns) FROM flows WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .text(id.rawValue)], decode)
        guard let found else {
            throw StoreError.notFound(operation, "\"\(id)\"", of: tenant, remedy: .list(.flows), on: db)
        }
        return found
    }

    private static func decodeEventTypes(_ text: String) throws -> [String] {
        let column = "flows.native_event_types_json"
        guard let elements = try StoredJSON.parse(text, column: column).arrayValue else {
            throw StoreError(.storageFailure, "read \(column): the stored JSON is not an array", hint: "the row was changed outside Ledgerport")
        }
        return try elements.map { element in
            guard let type = element.stringValue else {
                throw StoreError(.storageFailure, "read \(column): an element is not a string", hint: "the row was changed outside Ledgerport")
            }
            return type
        }
    }
}
