import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func recordCertificate(_ certificate: NewCertificate, actor: String) async throws -> Certificate {
        let label = "\(certificate.connectorID)@\(certificate.connectorVersion)"
        let operation = "record certificate of \"\(label)\""
        try StoreValidation.validateSlug(certificate.connectorID, operation: operation, valueName: "connector id")
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            let id: Int64
            do {
                id = try db.queryFirst(
                    """
                    INSERT INTO certificates (connector_id, connector_version, spec_digest, build_digest, result, report_json,
                        signature, issued_at_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                    [.text(certificate.connectorID), .text(certificate.connectorVersion.description), .text(certificate.specDigest),
                     .text(certificate.buildDigest), .text(certificate.result.rawValue), .text(JSONWriter.string(certificate.report)),
                     .blob(certificate.signature), .integer(StoreTime.milliseconds(now))]
                ) { try $0.int64(0) } ?? 0
            } catch let error as SQLiteError where error.isUniqueViolation {
                throw StoreError.alreadyExists("record certificate", "of \"\(label)\" for build \(certificate.buildDigest)")
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "certificate.recorded", subjectKind: "connector", subjectID: label,
                    details: [
                        "certificate_id": .number(JSONNumber(id)), "result": .string(certificate.result.rawValue),
                        "spec_digest": .string(certificate.specDigest), "build_digest": .string(certificate.buildDigest),
                    ]),
                scope: .platform, on: db)
            return Certificate(
                id: CertificateID(rawValue: id), connectorID: certificate.connectorID, connectorVersion: certificate.connectorVersion,
                specDigest: certificate.specDigest, buildDigest: certificate.buildDigest, result: certificate.result,
                report: certificate.report, signature: certificate.signature, issuedAt: now)
        }
    }

    package func certificates(connectorID: String, version: SemanticVersion?) async throws -> [Certificate] {
        try await read("list certificates of \"\(connectorID)\"") { db in
            try db.query(
                """
                SELECT id, connector_id, connector_version, spec_digest, build_digest, result, report_json, signature, issued_at_ms
                FROM certificates WHERE connector_id = ?1 AND (?2 IS NULL OR connector_version = ?2) ORDER BY issued_at_ms DESC, id DESC
                """,
                [.text(connectorID), .text(version?.description)]
            ) { row in
                Certificate(
                    id: CertificateID(rawValue: try row.int64(0)), connectorID: try row.text(1),
                    connectorVersion: try StoredValue.version(try row.text(2), column: "certificates.connector_version"),
                    specDigest: try row.text(3), buildDigest: try row.text(4),
                    result: try StoredValue.decode(try row.text(5), as: CertificationResult.self, column: "certificates.result"),
                    report: try StoredJSON.parse(try row.text(6), column: "certificates.report_json"), signature: try row.blob(7),
                    issuedAt: StoreTime.date(try row.int64(8)))
            }
        }
    }
}
