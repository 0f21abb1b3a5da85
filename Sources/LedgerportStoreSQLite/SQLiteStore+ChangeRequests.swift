import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func createChangeRequest(_ request: NewChangeRequest, tenant: TenantID, actor: String) async throws -> ChangeRequest {
        let operation = "create change request"
        try StoreValidation.validateNotBlank(request.summary, operation: operation, valueName: "summary")
        let actor = ActorIdentity.normalized(actor)
        let now = StoreTime.now(clock)
        let created = ChangeRequest(
            tenantID: tenant, id: .generate(), environment: request.environment, kind: request.kind, subject: request.subject,
            summary: request.summary, state: .open, evidence: request.evidence, proposedBy: actor, proposedAt: now, updatedAt: now)

        let subject = JSONWriter.string(request.subject)
        return try await write(operation) { db in
            try TenantRows.requireEnvironment(request.environment, tenant: tenant, operation: operation, on: db)
            try ChangeRequestRows.requireNoPendingDuplicate(of: request, subject: subject, tenant: tenant, operation: operation, on: db)
            try db.execute(
                "INSERT INTO change_requests (\(ChangeRequestRows.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(tenant.rawValue), .text(created.id.rawValue), .text(request.environment.rawValue), .text(request.kind.rawValue),
                 .text(subject), .text(request.summary), .text(ChangeRequestState.open.rawValue),
                 .text(JSONWriter.string(request.evidence)), .text(actor), .integer(StoreTime.milliseconds(now)),
                 .integer(StoreTime.milliseconds(now))])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "change_request.created", subjectKind: "change_request",
                    subjectID: created.id.rawValue,
                    details: ["environment": .string(request.environment.rawValue), "kind": .string(request.kind.rawValue), "subject": request.subject]),
                scope: .tenant(tenant), on: db)
            return created
        }
    }

    package func changeRequest(_ id: ChangeRequestID, tenant: TenantID) async throws -> ChangeRequest {
        try await read("read change request \"\(id)\"") { db in
            try ChangeRequestRows.require(id, tenant: tenant, operation: "read change request", on: db)
        }
    }

    package func changeRequests(tenant: TenantID, state: ChangeRequestState?) async throws -> [ChangeRequest] {
        try await read("list change requests of tenant \"\(tenant)\"") { db in
            try db.query(
                """
                SELECT \(ChangeRequestRows.columns) FROM change_requests
                WHERE tenant_id = ?1 AND (?2 IS NULL OR state = ?2) ORDER BY proposed_at_ms DESC, id
                """,
                [.text(tenant.rawValue), .text(state?.rawValue)], ChangeRequestRows.decode)
        }
    }

    package func recordApproval(
        _ decision: ApprovalDecision, comment: String, reviewer: String, changeRequest: ChangeRequestID, tenant: TenantID
    ) async throws -> ChangeApproval {
        let operation = "decide on change request \"\(changeRequest)\""
        try StoreValidation.validateNotBlank(reviewer, operation: operation, valueName: "reviewer")
        let reviewer = ActorIdentity.normalized(reviewer)
        let approval = ChangeApproval(
            tenantID: tenant, changeRequestID: changeRequest, reviewer: reviewer, decision: decision, comment: comment,
            decidedAt: StoreTime.now(clock))

        return try await write(operation) { db in
            let request = try ChangeRequestRows.require(changeRequest, tenant: tenant, operation: "decide on change request", on: db)
            guard request.state == .open else {
                throw StoreError.conflict(operation, "by \"\(reviewer)\"", "the request is \(request.state.rawValue), not open")
            }
            // Rows written before identities were normalized may differ in case or spacing, so compare in Swift.
            let earlier = try ChangeRequestRows.decisions(changeRequest, tenant: tenant, on: db)
            if let previous = earlier.first(where: { ActorIdentity.same($0.reviewer, reviewer) }) {
                throw Self.alreadyDecided(changeRequest, reviewer: reviewer, decision: previous.decision)
            }
            do {
                try db.execute(
                    """
                    INSERT INTO change_approvals (tenant_id, change_request_id, reviewer, decision, comment, decided_at_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    [.text(tenant.rawValue), .text(changeRequest.rawValue), .text(reviewer), .text(decision.rawValue), .text(comment),
                     .integer(StoreTime.milliseconds(approval.decidedAt))])
            } catch let error as SQLiteError where error.isUniqueViolation {
                throw Self.alreadyDecided(changeRequest, reviewer: reviewer, decision: nil)
            }
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: approval.decidedAt, actor: reviewer, action: "change_request.reviewed", subjectKind: "change_request",
                    subjectID: changeRequest.rawValue, details: ["decision": .string(decision.rawValue), "comment": .string(comment)]),
                scope: .tenant(tenant), on: db)
            return approval
        }
    }

    package func approvals(changeRequest: ChangeRequestID, tenant: TenantID) async throws -> [ChangeApproval] {
        try await read("list decisions on change request \"\(changeRequest)\"") { db in
            try ChangeRequestRows.decisions(changeRequest, tenant: tenant, on: db)
        }
    }

    /// Makes the error for a reviewer's second decision on one request.
    private static func alreadyDecided(_ id: ChangeRequestID, reviewer: String, decision: ApprovalDecision?) -> StoreError {
        let earlier = decision.map { " (\($0.rawValue))" } ?? ""
        return StoreError(
            .alreadyExists, "decide on change request \"\(id)\": \"\(reviewer)\" already decided this request\(earlier)",
            hint: "each reviewer decides once; ask another board member")
    }

    package func transitionChangeRequest(
        _ id: ChangeRequestID, from expected: ChangeRequestState, to state: ChangeRequestState, tenant: TenantID, actor: String
    ) async throws -> ChangeRequest {
        let operation = "move change request \"\(id)\" from \(expected.rawValue) to \(state.rawValue)"
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            let current = try ChangeRequestRows.require(id, tenant: tenant, operation: "move change request", on: db)
            guard current.state == expected else {
                throw StoreError.conflict(
                    "move change request", "\"\(id)\" to \(state.rawValue)", "it is \(current.state.rawValue), not \(expected.rawValue)",
                    hint: "read the request again and decide on its current state")
            }
            try db.execute(
                "UPDATE change_requests SET state = ?, updated_at_ms = ? WHERE tenant_id = ? AND id = ?",
                [.text(state.rawValue), .integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .text(id.rawValue)])
            try AuditRows.append(
                NewAuditEntry(
                    occurredAt: now, actor: actor, action: "change_request.\(state.rawValue)", subjectKind: "change_request",
                    subjectID: id.rawValue, details: ["from": .string(expected.rawValue)]),
                scope: .tenant(tenant), on: db)
            return try ChangeRequestRows.require(id, tenant: tenant, operation: operation, on: db)
        }
    }
}

/// Reading rows of `change_requests`.
enum ChangeRequestRows {
    static let columns = """
        tenant_id, id, environment, kind, subject_json, summary, state, evidence_json, proposed_by, proposed_at_ms, updated_at_ms
        """

    static func decode(_ row: SQLiteRow) throws -> ChangeRequest {
        ChangeRequest(
            tenantID: TenantID(rawValue: try row.text(0)), id: ChangeRequestID(rawValue: try row.text(1)),
            environment: EnvironmentName(rawValue: try row.text(2)),
            kind: try StoredValue.decode(try row.text(3), as: ChangeKind.self, column: "change_requests.kind"),
            subject: try StoredJSON.parse(try row.text(4), column: "change_requests.subject_json"), summary: try row.text(5),
            state: try StoredValue.decode(try row.text(6), as: ChangeRequestState.self, column: "change_requests.state"),
            evidence: try StoredJSON.parse(try row.text(7), column: "change_requests.evidence_json"), proposedBy: try row.text(8),
            proposedAt: StoreTime.date(try row.int64(9)), updatedAt: StoreTime.date(try row.int64(10)))
    }

    /// Throws `already_exists` when an open or approved request of the tenant has the same environment, kind and subject.
    ///
    /// `subject` is the request's subject as ``JSONWriter`` writes it, with sorted members, so equal subjects are equal text.
    static func requireNoPendingDuplicate(
        of request: NewChangeRequest, subject: String, tenant: TenantID, operation: String, on db: SQLiteConnection
    ) throws {
        let pending = try db.query(
            """
            SELECT id, state FROM change_requests
            WHERE tenant_id = ?1 AND environment = ?2 AND kind = ?3 AND subject_json = ?4 AND (state = 'open' OR state = 'approved')
            ORDER BY proposed_at_ms, id LIMIT 1
            """,
            [.text(tenant.rawValue), .text(request.environment.rawValue), .text(request.kind.rawValue), .text(subject)]
        ) { row in (id: try row.text(0), state: try row.text(1)) }
        if let existing = pending.first {
            throw StoreError.alreadyExists(
                operation, "\(request.kind.rawValue) of \(subject) in \(request.environment.rawValue)",
                hint: "change request \"\(existing.id)\" (\(existing.state)) proposes the same change; review, apply or withdraw it")
        }
    }

    /// Reads the decisions on a request, oldest first.
    static func decisions(_ id: ChangeRequestID, tenant: TenantID, on db: SQLiteConnection) throws -> [ChangeApproval] {
        try db.query(
            """
            SELECT reviewer, decision, comment, decided_at_ms FROM change_approvals
            WHERE tenant_id = ? AND change_request_id = ? ORDER BY decided_at_ms, reviewer
            """,
            [.text(tenant.rawValue), .text(id.rawValue)]
        ) { row in
            ChangeApproval(
                tenantID: tenant, changeRequestID: id, reviewer: try row.text(0),
                decision: try StoredValue.decode(try row.text(1), as: ApprovalDecision.self, column: "change_approvals.decision"),
                comment: try row.text(2), decidedAt: StoreTime.date(try row.int64(3)))
        }
    }

    static func require(_ id: ChangeRequestID, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> ChangeRequest {
        let found = try db.queryFirst(
            "SELECT \(columns) FROM change_requests WHERE tenant_id = ? AND id = ?", [.text(tenant.rawValue), .text(id.rawValue)], decode)
        guard let found else {
            throw StoreError.notFound(operation, "\"\(id)\"", of: tenant, remedy: .list(.changeRequests), on: db)
        }
        return found
    }
}
