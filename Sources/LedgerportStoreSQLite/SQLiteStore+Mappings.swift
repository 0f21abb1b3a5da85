import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func createMapping(id: MappingID, displayName: String, tenant: TenantID, actor: String) async throws -> Mapping {
        let operation = "create mapping \"\(id)\""
        try StoreValidation.validateSlug(id.rawValue, operation: "create mapping", valueName: "mapping id")
        try StoreValidation.validateNotBlank(displayName, operation: operation, valueName: "display name")
        let mapping = Mapping(tenantID: tenant, id: id, displayName: displayName, createdAt: StoreTime.now(clock))

        return try await write(operation) { db in
            try TenantRows.requireTenant(tenant, operation: operation, on: db)
            do {
                try db.execute(
                    "INSERT INTO mappings (tenant_id, id, display_name, created_at_ms) VALUES (?, ?, ?, ?)",
                    [.text(tenant.rawValue), .text(id.rawValue), .text(displayName), .integer(StoreTime.milliseconds(mapping.createdAt))])
            } catch let error as SQLiteError where error.isUniqueViolation {
                throw StoreError.alreadyExists(
                    "create mapping", "\"\(id)\" of \(TenantRows.label(tenant, on: db))", hint: "add a version to it instead")
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: mapping.createdAt, actor: actor, action: "mapping.created", subjectKind: "mapping", subjectID: id.rawValue,
                    details: ["display_name": .string(displayName)]),
                scope: .tenant(tenant), on: db)
            return mapping
        }
    }

    package func mapping(_ id: MappingID, tenant: TenantID) async throws -> Mapping {
        try await read("read mapping \"\(id)\"") { db in
            try MappingRows.require(id, tenant: tenant, operation: "read mapping", on: db)
        }
    }

    package func mappings(tenant: TenantID) async throws -> [Mapping] {
        try await read("list mappings of tenant \"\(tenant)\"") { db in
            try db.query(
                "SELECT \(MappingRows.mappingColumns) FROM mappings WHERE tenant_id = ? ORDER BY id", [.text(tenant.rawValue)],
                MappingRows.decodeMapping)
        }
    }

    package func addMappingVersion(_ content: JSONValue, mapping: MappingID, tenant: TenantID, actor: String) async throws -> MappingVersion {
        let operation = "add version to mapping \"\(mapping)\""
        guard content.objectValue != nil else {
            throw StoreError.invalidInput(operation, "content", "must be a JSON object, found \(content.typeName)")
        }
        let now = StoreTime.now(clock)
        let digest = MappingVersion.digest(of: content)

        return try await write(operation) { db in
            try MappingRows.require(mapping, tenant: tenant, operation: "add version to mapping", on: db)
            let number = try db.scalarInt64(
                "SELECT coalesce(max(version), 0) + 1 FROM mapping_versions WHERE tenant_id = ? AND mapping_id = ?",
                [.text(tenant.rawValue), .text(mapping.rawValue)]) ?? 1
            let version = MappingVersion(
                tenantID: tenant, mappingID: mapping, version: Int(number), content: content, digest: digest, createdAt: now, createdBy: actor)
            try db.execute(
                """
                INSERT INTO mapping_versions (tenant_id, mapping_id, version, content_json, digest, created_at_ms, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(tenant.rawValue), .text(mapping.rawValue), .integer(number), .text(JSONWriter.string(content)), .text(digest),
                 .integer(StoreTime.milliseconds(now)), .text(actor)])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "mapping.version_added", subjectKind: "mapping", subjectID: mapping.rawValue,
                    details: ["version": .number(JSONNumber(number)), "digest": .string(digest)]),
                scope: .tenant(tenant), on: db)
            return version
        }
    }

    package func mappingVersion(_ version: Int, mapping: MappingID, tenant: TenantID) async throws -> MappingVersion {
        try await read("read version \(version) of mapping \"\(mapping)\"") { db in
            try MappingRows.requireVersion(
                MappingVersionReference(mappingID: mapping, version: version), tenant: tenant, operation: "read", on: db)
        }
    }

    package func mappingVersions(mapping: MappingID, tenant: TenantID) async throws -> [MappingVersion] {
        try await read("list versions of mapping \"\(mapping)\"") { db in
            try db.query(
                "SELECT \(MappingRows.versionColumns) FROM mapping_versions WHERE tenant_id = ? AND mapping_id = ? ORDER BY version",
                [.text(tenant.rawValue), .text(mapping.rawValue)], MappingRows.decodeVersion)
        }
    }

    package func activateMappingVersion(
        _ version: MappingVersionReference, environment: EnvironmentName, changeRequest: ChangeRequestID?, tenant: TenantID, actor: String
    ) async throws -> MappingActivation {
        let operation = "activate version \(version.version) of mapping \"\(version.mappingID)\" in \"\(environment)\""
        let activation = MappingActivation(
            tenantID: tenant, environment: environment, mapping: version, changeRequestID: changeRequest, activatedAt: StoreTime.now(clock),
            activatedBy: actor)

        return try await write(operation) { db in
            try TenantRows.requireEnvironment(environment, tenant: tenant, operation: operation, on: db)
            try MappingRows.requireVersion(version, tenant: tenant, operation: "activate", on: db)
            try db.execute(
                """
                INSERT INTO mapping_activations (tenant_id, environment, mapping_id, version, change_request_id, activated_at_ms, activated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, environment, mapping_id) DO UPDATE SET version = excluded.version,
                    change_request_id = excluded.change_request_id, activated_at_ms = excluded.activated_at_ms,
                    activated_by = excluded.activated_by
                """,
                [.text(tenant.rawValue), .text(environment.rawValue), .text(version.mappingID.rawValue), .integer(version.version),
                 .text(changeRequest?.rawValue), .integer(StoreTime.milliseconds(activation.activatedAt)), .text(actor)])

            var details: JSONObject = [
                "environment": .string(environment.rawValue), "version": .number(JSONNumber(version.version)),
            ]
            if let changeRequest {
                details["change_request_id"] = .string(changeRequest.rawValue)
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: activation.activatedAt, actor: actor, action: "mapping.activated", subjectKind: "mapping",
                    subjectID: version.mappingID.rawValue, details: .object(details)),
                scope: .tenant(tenant), on: db)
            return activation
        }
    }

    package func activeMappingVersion(mapping: MappingID, environment: EnvironmentName, tenant: TenantID) async throws -> MappingActivation? {
        try await read("read active version of mapping \"\(mapping)\"") { db in
            try db.queryFirst(
                """
                SELECT version, change_request_id, activated_at_ms, activated_by FROM mapping_activations
                WHERE tenant_id = ? AND environment = ? AND mapping_id = ?
                """,
                [.text(tenant.rawValue), .text(environment.rawValue), .text(mapping.rawValue)]
            ) { row in
                MappingActivation(
                    tenantID: tenant, environment: environment,
                    mapping: MappingVersionReference(mappingID: mapping, version: try row.int(0)),
                    changeRequestID: try row.optionalText(1).map(ChangeRequestID.init(rawValue:)),
                    activatedAt: StoreTime.date(try row.int64(2)), activatedBy: try row.text(3))
            }
        }
    }
}

/// Reading rows of `mappings` and `mapping_versions`.
enum MappingRows {
    static let mappingColumns = "tenant_id, id, display_name, created_at_ms"
    static let versionColumns = "tenant_id, mapping_id, version, content_json, digest, created_at_ms, created_by"

    static func decodeMapping(_ row: SQLiteRow) throws -> Mapping {
        Mapping(
            tenantID: TenantID(rawValue: try row.text(0)), id: MappingID(rawValue: try row.text(1)), displayName: try row.text(2),
            createdAt: StoreTime.date(try row.int64(3)))
    }

    static func decodeVersion(_ row: SQLiteRow) throws -> MappingVersion {
        MappingVersion(
            tenantID: TenantID(rawValue: try row.text(0)), mappingID: MappingID(rawValue: try row.text(1)), version: try row.int(2),
            content: try StoredJSON.parse(try row.text(3), column: "mapping_versions.content_json"), digest: try row.text(4),
            createdAt: StoreTime.date(try row.int64(5)), createdBy: try row.text(6))
    }

    @discardableResult
    static func require(_ id: MappingID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> Mapping {
        let found = try db.queryFirst(
            "SELECT \(mappingColumns) FROM mappings WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .text(id.rawValue)],
            decodeMapping)
        guard let found else {
            throw StoreError.notFound(
                operation, "\"\(id)\" of \(TenantRows.label(tenant, on: db))", hint: "publish it with `ledgerport mapping publish`")
        }
        return found
    }

    /// Reads a stored version, or throws `not_found` as `<operation> mapping "id" version n of tenant "slug": not found`.
    ///
    /// `operation` is the verb phrase before the mapping, such as `read` or `replay dead letter 4 under`.
    @discardableResult
    static func requireVersion(_ reference: MappingVersionReference, tenant: TenantID, operation: String, on db: SQLiteConnection) throws
        -> MappingVersion
    {
        let found = try db.queryFirst(
            "SELECT \(versionColumns) FROM mapping_versions WHERE tenant_id = ? AND mapping_id = ? AND version = ?",
            [.text(tenant.rawValue), .text(reference.mappingID.rawValue), .integer(reference.version)], decodeVersion)
        guard let found else {
            let newest = try db.scalarInt64(
                "SELECT coalesce(max(version), 0) FROM mapping_versions WHERE tenant_id = ? AND mapping_id = ?",
                [.text(tenant.rawValue), .text(reference.mappingID.rawValue)]) ?? 0
            throw StoreError.notFound(
                operation, "mapping \"\(reference.mappingID)\" version \(reference.version)", of: tenant,
                remedy: .publishVersion(reference.mappingID, newestVersion: Int(newest)), on: db)
        }
        return found
    }
}
