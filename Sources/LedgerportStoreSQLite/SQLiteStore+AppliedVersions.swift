import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    /// Reads the highest version recorded for the object, or nil when none is recorded, also for a flow the tenant does not have.
    package func appliedVersion(objectKey: String, flow: FlowID, tenant: TenantID) async throws -> Int64? {
        try await read("read applied version of \"\(objectKey)\" through flow \"\(flow)\"") { db in
            try db.scalarInt64(
                "SELECT version FROM applied_object_versions WHERE tenant_id = ? AND flow_id = ? AND object_key = ?",
                [.text(tenant.rawValue), .text(flow.rawValue), .text(objectKey)])
        }
    }

    package func appliedVersions(objectKeys: [String], flow: FlowID, tenant: TenantID) async throws -> [String: Int64] {
        guard !objectKeys.isEmpty else {
            return [:]
        }
        let keys = JSONWriter.string(.array(objectKeys.map(JSONValue.string)))
        let rows = try await read("read applied versions of \(objectKeys.count) objects through flow \"\(flow)\"") { db in
            try db.query(AppliedVersionRows.selectByKeysSQL, [.text(tenant.rawValue), .text(flow.rawValue), .text(keys)]) {
                (try $0.text(0), try $0.int64(1))
            }
        }
        return Dictionary(rows) { first, _ in first }
    }
}

/// Reading and writing rows of `applied_object_versions`.
enum AppliedVersionRows {
    /// Selects the versions of tenant `?1` and flow `?2` for the object keys in the JSON array `?3`, one primary key lookup each.
    static let selectByKeysSQL = """
        SELECT object_key, version FROM applied_object_versions
        WHERE tenant_id = ?1 AND flow_id = ?2 AND object_key IN (SELECT value FROM json_each(?3))
        """

    /// Checks that every object key is not blank.
    static func validate(_ versions: [AppliedObjectVersion], operation: String) throws(StoreError) {
        for version in versions {
            try StoreValidation.validateNotBlank(version.objectKey, operation: operation, valueName: "applied object key")
        }
    }

    /// Records `version` for the tenant's flow unless the stored version is higher or equal, so the stored version is the maximum.
    static func raise(_ version: AppliedObjectVersion, flow: FlowID, tenant: TenantID, at now: Date, on db: SQLiteConnection) throws {
        try db.execute(
            """
            INSERT INTO applied_object_versions (tenant_id, flow_id, object_key, version, updated_at_ms) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, flow_id, object_key) DO UPDATE
                SET version = excluded.version, updated_at_ms = excluded.updated_at_ms
                WHERE excluded.version > applied_object_versions.version
            """,
            [.text(tenant.rawValue), .text(flow.rawValue), .text(version.objectKey), .integer(version.version),
             .integer(StoreTime.milliseconds(now))])
    }
}
