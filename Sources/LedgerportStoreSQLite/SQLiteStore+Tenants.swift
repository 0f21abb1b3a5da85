import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func createTenant(_ tenant: NewTenant, actor: String) async throws -> Tenant {
        try tenant.validate()
        let created = Tenant(id: .generate(), slug: tenant.slug, displayName: tenant.displayName, timeZone: tenant.timeZone, createdAt: StoreTime.now(clock))
        let operation = "create tenant \"\(tenant.slug)\""

        return try await write(operation) { connection in
            do {
                try connection.execute(
                    "INSERT INTO tenants (id, slug, display_name, time_zone, created_at_ms) VALUES (?, ?, ?, ?, ?)",
                    [.text(created.id.rawValue), .text(created.slug), .text(created.displayName), .text(created.timeZone),
                     .integer(StoreTime.milliseconds(created.createdAt))])
            } catch let error as SQLiteError where error.isUniqueViolation {
                throw StoreError.alreadyExists("create tenant", "\"\(tenant.slug)\"", hint: "choose another slug")
            }
            for name in [EnvironmentName.test, .production] {
                try TenantRows.insertEnvironment(name, tenant: created.id, at: created.createdAt, on: connection)
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: created.createdAt, actor: actor, action: "tenant.created", subjectKind: "tenant",
                    subjectID: created.id.rawValue,
                    details: ["slug": .string(created.slug), "display_name": .string(created.displayName), "time_zone": .string(created.timeZone)]),
                scope: .tenant(created.id), on: connection)
            return created
        }
    }

    package func tenant(_ id: TenantID) async throws -> Tenant {
        try await read("read tenant \"\(id)\"") { connection in
            guard let tenant = try connection.queryFirst("SELECT \(TenantRows.columns) FROM tenants WHERE id = ?", [.text(id.rawValue)], TenantRows.decode) else {
                throw StoreError.notFound("read tenant", "\"\(id)\"", hint: "list tenants with `ledgerport tenant list`")
            }
            return tenant
        }
    }

    package func tenant(slug: String) async throws -> Tenant {
        try await read("read tenant \"\(slug)\"") { connection in
            guard let tenant = try connection.queryFirst("SELECT \(TenantRows.columns) FROM tenants WHERE slug = ?", [.text(slug)], TenantRows.decode) else {
                throw StoreError.notFound("read tenant", "\"\(slug)\"", hint: "list tenants with `ledgerport tenant list`")
            }
            return tenant
        }
    }

    package func tenants() async throws -> [Tenant] {
        try await read("list tenants") { connection in
            try connection.query("SELECT \(TenantRows.columns) FROM tenants ORDER BY slug", [], TenantRows.decode)
        }
    }

    package func createEnvironment(_ name: EnvironmentName, tenant: TenantID, actor: String) async throws -> Environment {
        let operation = "create environment \"\(name)\" of tenant \"\(tenant)\""
        try StoreValidation.validateSlug(name.rawValue, operation: operation, valueName: "environment name")
        let now = StoreTime.now(clock)

        return try await write(operation) { connection in
            try TenantRows.requireTenant(tenant, operation: "create environment \"\(name)\"", on: connection)
            do {
                try TenantRows.insertEnvironment(name, tenant: tenant, at: now, on: connection)
            } catch let error as SQLiteError where error.isUniqueViolation {
                throw StoreError.alreadyExists("create environment", "\"\(name)\" of \(TenantRows.label(tenant, on: connection))")
            }
            try AuditRows.append(
                NewAuditEntry(occurredAt: now, actor: actor, action: "environment.created", subjectKind: "environment", subjectID: name.rawValue),
                scope: .tenant(tenant), on: connection)
            return Environment(tenantID: tenant, name: name, createdAt: now)
        }
    }

    package func environments(tenant: TenantID) async throws -> [Environment] {
        try await read("list environments of tenant \"\(tenant)\"") { connection in
            try connection.query(
                "SELECT name, created_at_ms FROM environments WHERE tenant_id = ? ORDER BY name", [.text(tenant.rawValue)]
            ) { row in
                Environment(tenantID: tenant, name: EnvironmentName(rawValue: try row.text(0)), createdAt: StoreTime.date(try row.int64(1)))
            }
        }
    }
}

/// Reading and writing rows of `tenants` and `environments`.
enum TenantRows {
    static let columns = "id, slug, display_name, time_zone, created_at_ms"

    static func decode(_ row: SQLiteRow) throws -> Tenant {
        Tenant(
            id: TenantID(rawValue: try row.text(0)), slug: try row.text(1), displayName: try row.text(2),
            timeZone: try row.text(3), createdAt: StoreTime.date(try row.int64(4)))
    }

    static func insertEnvironment(_ name: EnvironmentName, tenant: TenantID, at date: Date, on connection: SQLiteConnection) throws {
        try connection.execute(
            "INSERT INTO environments (tenant_id, name, created_at_ms) VALUES (?, ?, ?)",
            [.text(tenant.rawValue), .text(name.rawValue), .integer(StoreTime.milliseconds(date))])
    }

    /// Names the tenant for messages by its slug, `tenant "acme"`, as people know it; by its id when no row has it.
    static func label(_ tenant: TenantID, on connection: SQLiteConnection) -> String {
        "tenant \"\(slug(tenant, on: connection) ?? tenant.rawValue)\""
    }

    /// Reads the tenant's slug for a message, or nil when no row has it or the read fails.
    static func slug(_ tenant: TenantID, on connection: SQLiteConnection) -> String? {
        // A failed lookup only costs the message its slug, so callers name the tenant by its id instead.
        try? connection.queryFirst("SELECT slug FROM tenants WHERE id = ?", [.text(tenant.rawValue)]) { try $0.text(0) }
    }

    /// Throws `not_found` unless the tenant exists.
    static func requireTenant(_ tenant: TenantID, operation: String, on connection: SQLiteConnection) throws {
        guard try connection.scalarInt64("SELECT 1 FROM tenants WHERE id = ?", [.text(tenant.rawValue)]) != nil else {
            throw StoreError.notFound(operation, "tenant \"\(tenant)\"", hint: "list tenants with `ledgerport tenant list`")
        }
    }

    /// Throws `not_found` unless the tenant has the environment.
    static func requireEnvironment(_ name: EnvironmentName, tenant: TenantID, operation: String, on connection: SQLiteConnection) throws {
        let exists = try connection.scalarInt64(
            "SELECT 1 FROM environments WHERE tenant_id = ? AND name = ?", [.text(tenant.rawValue), .text(name.rawValue)])
        guard exists != nil else {
            throw StoreError.notFound(
                operation, "environment \"\(name)\" of \(label(tenant, on: connection))", hint: "every tenant has the environments test and production")
        }
    }
}
