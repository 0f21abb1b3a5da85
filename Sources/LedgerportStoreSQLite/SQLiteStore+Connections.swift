import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func createConnection(_ connection: NewConnection, tenant: TenantID, actor: String) async throws -> Connection {
        try connection.validate()
        let now = StoreTime.now(clock)
        let created = Connection(
            tenantID: tenant, id: connection.id, environment: connection.environment, connectorID: connection.connectorID,
            connectorVersion: connection.connectorVersion, configuration: connection.configuration, state: connection.state,
            createdAt: now, updatedAt: now)
        let operation = "create connection \"\(connection.id)\""

        return try await write(operation) { db in
            try TenantRows.requireEnvironment(connection.environment, tenant: tenant, operation: operation, on: db)
            do {
                try ConnectionRows.insert(created, on: db)
            } catch let error as SQLiteError where error.isUniqueViolation {
                throw StoreError.alreadyExists(
                    "create connection", "\"\(connection.id)\" of \(TenantRows.label(tenant, on: db))", hint: "choose another connection id")
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "connection.created", subjectKind: "connection", subjectID: connection.id.rawValue,
                    details: [
                        "environment": .string(connection.environment.rawValue), "connector_id": .string(connection.connectorID),
                        "connector_version": .string(connection.connectorVersion.description), "state": .string(connection.state.rawValue),
                        "secret_fields": .array(connection.secretValues.map { .string($0.field) }),
                    ]),
                scope: .tenant(tenant), on: db)
            for value in connection.secretValues {
                try SecretValueRows.insert(value, connection: connection.id, tenant: tenant, at: now, actor: actor, on: db)
            }
            return created
        }
    }

    package func connection(_ id: ConnectionID, tenant: TenantID) async throws -> Connection {
        try await read("read connection \"\(id)\"") { db in
            try ConnectionRows.require(id, tenant: tenant, operation: "read connection", on: db)
        }
    }

    package func connections(tenant: TenantID, environment: EnvironmentName?) async throws -> [Connection] {
        try await read("list connections of tenant \"\(tenant)\"") { db in
            try db.query(
                "SELECT \(ConnectionRows.columns) FROM connections WHERE tenant_id = ?1 AND (?2 IS NULL OR environment = ?2) ORDER BY id",
                [.text(tenant.rawValue), .text(environment?.rawValue)], ConnectionRows.decode)
        }
    }

    package func setConnectionState(_ state: ConnectionState, connection: ConnectionID, tenant: TenantID, actor: String) async throws -> Connection {
        let now = StoreTime.now(clock)
        let operation = "set state of connection \"\(connection)\""

        return try await write(operation) { db in
            let before = try ConnectionRows.require(connection, tenant: tenant, operation: "set state of connection", on: db)
            try db.execute(
                "UPDATE connections SET state = ?, updated_at_ms = ? WHERE tenant_id = ? AND id = ?",
                [.text(state.rawValue), .integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .text(connection.rawValue)])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "connection.state_changed", subjectKind: "connection", subjectID: connection.rawValue,
                    details: ["from": .string(before.state.rawValue), "to": .string(state.rawValue)]),
                scope: .tenant(tenant), on: db)
            return try ConnectionRows.require(connection, tenant: tenant, operation: "set state of connection", on: db)
        }
    }
}

extension SQLiteStore {
    package func setConnectionConfiguration(
        _ configuration: JSONValue, replacing expected: JSONValue?, connection: ConnectionID, tenant: TenantID, actor: String
    ) async throws -> Connection {
        let operation = "configure connection \"\(connection)\""
        guard let members = configuration.objectValue else {
            throw StoreError.invalidInput(operation, "configuration", "expected a JSON object, found \(configuration.typeName)")
        }
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            let before = try ConnectionRows.require(connection, tenant: tenant, operation: "configure connection", on: db)
            if let expected, before.configuration != expected {
                throw StoreError.conflict(
                    "configure connection", "\"\(connection)\"", "its configuration changed after it was read, so nothing was written",
                    hint: "read the connection again and repeat the change")
            }
            let previous = before.configuration.objectValue ?? [:]
            let changed = Set(previous.keys).union(members.keys).filter { previous[$0] != members[$0] }.sorted()
            // Plain configuration contains no secrets, so the audit entry keeps both sides of each change.
            let from = Dictionary(uniqueKeysWithValues: changed.map { ($0, previous[$0] ?? .null) })
            let to = Dictionary(uniqueKeysWithValues: changed.map { ($0, members[$0] ?? .null) })
            try db.execute(
                "UPDATE connections SET configuration_json = ?, updated_at_ms = ? WHERE tenant_id = ? AND id = ?",
                [.text(JSONWriter.string(configuration)), .integer(StoreTime.milliseconds(now)), .text(tenant.rawValue),
                 .text(connection.rawValue)])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "connection.configured", subjectKind: "connection", subjectID: connection.rawValue,
                    details: ["changed_fields": .array(changed.map { .string($0) }), "from": .object(from), "to": .object(to)]),
                scope: .tenant(tenant), on: db)
            return try ConnectionRows.require(connection, tenant: tenant, operation: "configure connection", on: db)
        }
    }
}

extension SQLiteStore {
    package func connectionChanges(after sequence: Int64) async throws -> ConnectionChanges {
        try await read("read connections changed after change \(sequence)") { db in
            let rows = try db.query(
                "SELECT tenant_id, id, change_sequence FROM connections WHERE change_sequence > ? ORDER BY change_sequence",
                [.integer(sequence)]
            ) { row in
                (ConnectionChanges.Changed(tenantID: TenantID(rawValue: try row.text(0)), connectionID: ConnectionID(rawValue: try row.text(1))),
                 try row.int64(2))
            }
            let latest = try rows.last?.1 ?? db.scalarInt64("SELECT coalesce(max(change_sequence), 0) FROM connections", []) ?? 0
            return ConnectionChanges(changed: rows.map(\.0), latest: latest)
        }
    }
}

/// Reading and writing rows of `connections`.
enum ConnectionRows {
    static let columns =
        "tenant_id, id, environment, connector_id, connector_version, configuration_json, state, created_at_ms, updated_at_ms"

    static func insert(_ connection: Connection, on db: SQLiteConnection) throws {
        try db.execute(
            "INSERT INTO connections (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(connection.tenantID.rawValue), .text(connection.id.rawValue), .text(connection.environment.rawValue),
             .text(connection.connectorID), .text(connection.connectorVersion.description), .text(JSONWriter.string(connection.configuration)),
             .text(connection.state.rawValue), .integer(StoreTime.milliseconds(connection.createdAt)),
             .integer(StoreTime.milliseconds(connection.updatedAt))])
    }

    static func decode(_ row: SQLiteRow) throws -> Connection {
        Connection(
            tenantID: TenantID(rawValue: try row.text(0)), id: ConnectionID(rawValue: try row.text(1)),
            environment: EnvironmentName(rawValue: try row.text(2)), connectorID: try row.text(3),
            connectorVersion: try StoredValue.version(try row.text(4), column: "connections.connector_version"),
            configuration: try StoredJSON.parse(try row.text(5), column: "connections.configuration_json"),
            state: try StoredValue.decode(try row.text(6), as: ConnectionState.self, column: "connections.state"),
            createdAt: StoreTime.date(try row.int64(7)), updatedAt: StoreTime.date(try row.int64(8)))
    }

    /// Throws `not_found` unless the tenant has the connection; cheaper than ``require(_:tenant:operation:on:)`` on the ingest path.
    static func requireExists(_ id: ConnectionID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws {
        let exists = try db.scalarInt64(
            "SELECT 1 FROM connections WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .text(id.rawValue)])
        guard exists != nil else {
            throw StoreError.notFound(operation, "\"\(id)\"", of: tenant, remedy: .list(.connections), on: db)
        }
    }

    /// Reads the tenant's connection, or throws `not_found` (also when it is another tenant's).
    @discardableResult
    static func require(_ id: ConnectionID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> Connection {
        let found = try db.queryFirst(
            "SELECT \(columns) FROM connections WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .text(id.rawValue)], decode)
        guard let found else {
            throw StoreError.notFound(operation, "\"\(id)\"", of: tenant, remedy: .list(.connections), on: db)
        }
        return found
    }
}
