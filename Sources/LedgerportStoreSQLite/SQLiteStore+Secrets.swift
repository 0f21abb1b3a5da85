import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func addSecretValue(_ value: NewSealedSecretValue, connection: ConnectionID, tenant: TenantID, actor: String) async throws
        -> SealedSecretValue
    {
        let operation = "add secret value to connection \"\(connection)\""
        try value.validate(operation: operation)
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            try ConnectionRows.require(connection, tenant: tenant, operation: "add secret value to connection", on: db)
            return try SecretValueRows.insert(value, connection: connection, tenant: tenant, at: now, actor: actor, on: db)
        }
    }

    package func rotateSecretValues(
        _ values: [NewSealedSecretValue], expiringPreviousAt expiry: Date, connection: ConnectionID, tenant: TenantID, actor: String
    ) async throws -> [SealedSecretValue] {
        let operation = "rotate secret values of connection \"\(connection)\""
        for value in values {
            try value.validate(operation: operation)
        }
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            try ConnectionRows.require(connection, tenant: tenant, operation: "rotate secret values of connection", on: db)
            var previous: [SealedSecretValue] = []
            for field in Set(values.map(\.field)).sorted() {
                let stored = try db.query(
                    "SELECT \(SecretValueRows.columns) FROM connection_secret_values WHERE tenant_id = ? AND connection_id = ? AND field = ? ORDER BY id",
                    [.text(tenant.rawValue), .text(connection.rawValue), .text(field)], SecretValueRows.decode)
                let starts = values.filter { $0.field == field }.map(\.activeFrom)
                previous += stored.filter { old in starts.contains { old.isActive(at: $0) || old.activeFrom > $0 } }
            }
            for value in values {
                try SecretValueRows.insert(value, connection: connection, tenant: tenant, at: now, actor: actor, on: db)
            }
            for value in previous where value.expiresAt.map({ $0 > expiry }) ?? true {
                try SecretValueRows.expire(value, at: expiry, tenant: tenant, at: now, actor: actor, on: db)
            }
            return previous
        }
    }

    package func secretValues(connection: ConnectionID, field: String?, tenant: TenantID) async throws -> [SealedSecretValue] {
        try await read("list secret values of connection \"\(connection)\"") { db in
            try db.query(
                """
                SELECT \(SecretValueRows.columns) FROM connection_secret_values
                WHERE tenant_id = ?1 AND connection_id = ?2 AND (?3 IS NULL OR field = ?3) ORDER BY id
                """,
                [.text(tenant.rawValue), .text(connection.rawValue), .text(field)], SecretValueRows.decode)
        }
    }

    package func expireSecretValue(_ id: SecretValueID, at expiry: Date, connection: ConnectionID, tenant: TenantID, actor: String)
        async throws -> SealedSecretValue
    {
        let now = StoreTime.now(clock)
        let operation = "expire secret value \(id) of connection \"\(connection)\""

        return try await write(operation) { db in
            let found = try db.queryFirst(
                "SELECT \(SecretValueRows.columns) FROM connection_secret_values WHERE tenant_id = ? AND connection_id = ? AND id = ?",
                [.text(tenant.rawValue), .text(connection.rawValue), .integer(id.rawValue)], SecretValueRows.decode)
            guard let found else {
                throw StoreError.notFound(
                    "expire secret value", "\(id) of connection \"\(connection)\" of \(TenantRows.label(tenant, on: db))")
            }
            try SecretValueRows.expire(found, at: expiry, tenant: tenant, at: now, actor: actor, on: db)
            return try SecretValueRows.require(id, tenant: tenant, on: db)
        }
    }

    package func masterKeyCheck() async throws -> [UInt8]? {
        try await read("read master key check") { db in
            try db.queryFirst("SELECT sealed_box FROM master_key_check WHERE singleton = 1") { try $0.blob(0) }
        }
    }

    package func initializeMasterKeyCheck(_ box: [UInt8]) async throws -> [UInt8] {
        let now = StoreTime.now(clock)
        return try await write("store master key check") { db in
            try db.execute(
                "INSERT INTO master_key_check (singleton, sealed_box, created_at_ms) VALUES (1, ?, ?) ON CONFLICT DO NOTHING",
                [.blob(box), .integer(StoreTime.milliseconds(now))])
            guard let stored = try db.queryFirst("SELECT sealed_box FROM master_key_check WHERE singleton = 1", [], { try $0.blob(0) }) else {
                throw StoreError(.storageFailure, "store master key check: the row is missing right after it was written")
            }
            return stored
        }
    }
}

/// Reading and writing rows of `connection_secret_values`.
enum SecretValueRows {
    static let columns = "id, tenant_id, connection_id, field, sealed_box, active_from_ms, expires_at_ms, created_at_ms"

    /// Inserts a sealed value and its `connection.secret_added` audit entry, which never contains the value.
    @discardableResult
    static func insert(
        _ value: NewSealedSecretValue, connection: ConnectionID, tenant: TenantID, at now: Date, actor: String, on db: SQLiteConnection
    ) throws -> SealedSecretValue {
        try db.execute(
            """
            INSERT INTO connection_secret_values (tenant_id, connection_id, field, sealed_box, active_from_ms, expires_at_ms, created_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(tenant.rawValue), .text(connection.rawValue), .text(value.field), .blob(value.sealedBox),
             .integer(StoreTime.milliseconds(value.activeFrom)), .integer(value.expiresAt.map(StoreTime.milliseconds)),
             .integer(StoreTime.milliseconds(now))])
        let stored = try require(SecretValueID(rawValue: db.lastInsertRowID), tenant: tenant, on: db)

        var details: JSONObject = [
            "field": .string(value.field), "value_id": .number(JSONNumber(stored.id.rawValue)),
            "active_from_ms": .number(JSONNumber(StoreTime.milliseconds(value.activeFrom))),
        ]
        if let expiresAt = value.expiresAt {
            details["expires_at_ms"] = .number(JSONNumber(StoreTime.milliseconds(expiresAt)))
        }
        try AuditRows.append(
            NewAuditEntry(
                occurredAt: now, actor: actor, action: "connection.secret_added", subjectKind: "connection",
                subjectID: connection.rawValue, details: .object(details)),
            scope: .tenant(tenant), on: db)
        return stored
    }

    /// Sets when `value` expires, and audits it as `connection.secret_expired`, which names the value but never contains it.
    static func expire(_ value: SealedSecretValue, at expiry: Date, tenant: TenantID, at now: Date, actor: String, on db: SQLiteConnection) throws {
        try db.execute(
            "UPDATE connection_secret_values SET expires_at_ms = ? WHERE tenant_id = ? AND id = ?",
            [.integer(StoreTime.milliseconds(expiry)), .text(tenant.rawValue), .integer(value.id.rawValue)])
        try AuditRows.append(
            NewAuditEntry(
                occurredAt: now, actor: actor, action: "connection.secret_expired", subjectKind: "connection",
                subjectID: value.connectionID.rawValue,
                details: ["field": .string(value.field), "value_id": .number(JSONNumber(value.id.rawValue)),
                          "expires_at_ms": .number(JSONNumber(StoreTime.milliseconds(expiry)))]),
            scope: .tenant(tenant), on: db)
    }

    static func decode(_ row: SQLiteRow) throws -> SealedSecretValue {
        SealedSecretValue(
            id: SecretValueID(rawValue: try row.int64(0)), tenantID: TenantID(rawValue: try row.text(1)),
            connectionID: ConnectionID(rawValue: try row.text(2)), field: try row.text(3), sealedBox: try row.blob(4),
            activeFrom: StoreTime.date(try row.int64(5)), expiresAt: StoreTime.optionalDate(try row.optionalInt64(6)),
            createdAt: StoreTime.date(try row.int64(7)))
    }

    static func require(_ id: SecretValueID, tenant: TenantID, on db: SQLiteConnection) throws -> SealedSecretValue {
        let found = try db.queryFirst(
            "SELECT \(columns) FROM connection_secret_values WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .integer(id.rawValue)], decode)
        guard let found else {
            throw StoreError.notFound("read secret value", "\(id) of \(TenantRows.label(tenant, on: db))")
        }
        return found
    }
}
