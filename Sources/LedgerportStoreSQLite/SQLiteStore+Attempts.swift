import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    /// Records the attempt, moves the delivery on, and writes the report's applied versions and audit entries, all in one transaction.
    package func recordAttempt(_ report: DeliveryAttemptReport, claim: DeliveryClaim, tenant: TenantID) async throws -> Delivery {
        let now = StoreTime.now(clock)
        let operation = "record attempt of delivery \(claim.deliveryID)"
        try AppliedVersionRows.validate(report.appliedVersions, operation: operation)

        return try await write(operation) { db in
            var auditChain = AuditChainTail(scope: .tenant(tenant))
            try AttemptRows.record(report, claim: claim, tenant: tenant, operation: operation, at: now, auditChain: &auditChain, on: db)
            return try DeliveryRows.require(claim.deliveryID, tenant: tenant, operation: "record attempt of delivery", on: db)
        }
    }

    /// Records the attempts with one write, so that one attempt's error leaves the others recorded.
    ///
    /// All attempts first run in one savepoint, reading the audit chain's last entry once. When one of them fails,
    /// that savepoint is rolled back and each attempt runs again in its own savepoint, as ``recordEach`` does.
    package func recordAttempts(_ attempts: [(report: DeliveryAttemptReport, claim: DeliveryClaim)], tenant: TenantID) async -> [(any Error)?] {
        let now = StoreTime.now(clock)
        var errors = [(any Error)?](repeating: nil, count: attempts.count)
        for (index, attempt) in attempts.enumerated() where !attempt.report.appliedVersions.isEmpty {
            do {
                try AppliedVersionRows.validate(attempt.report.appliedVersions, operation: "record attempt of delivery \(attempt.claim.deliveryID)")
            } catch {
                errors[index] = error
            }
        }
        let checked = errors
        do {
            return try await write("record \(attempts.count) attempts of tenant \"\(tenant)\"") { db in
                if try Self.recordAll(attempts, skipping: checked, tenant: tenant, at: now, on: db) {
                    return checked
                }
                return try Self.recordEach(attempts, skipping: checked, tenant: tenant, at: now, on: db)
            }
        } catch {
            return attempts.map { _ in error }
        }
    }

    /// Records every attempt whose entry in `errors` is nil in one savepoint. Returns false, with nothing recorded, when one fails.
    ///
    /// - Throws: the error when SQLite ended the whole transaction (a full disk, an I/O error).
    private static func recordAll(
        _ attempts: [(report: DeliveryAttemptReport, claim: DeliveryClaim)], skipping errors: [(any Error)?], tenant: TenantID,
        at now: Date, on db: SQLiteConnection
    ) throws -> Bool {
        do {
            try db.inSavepoint {
                var auditChain = AuditChainTail(scope: .tenant(tenant))
                for (index, attempt) in attempts.enumerated() where errors[index] == nil {
                    try AttemptRows.record(
                        attempt.report, claim: attempt.claim, tenant: tenant, operation: "record attempt of delivery \(attempt.claim.deliveryID)",
                        at: now, auditChain: &auditChain, on: db)
                }
            }
            return true
        } catch {
            guard db.isInTransaction else { throw error }
            return false
        }
    }

    /// Records each attempt whose entry in `errors` is nil in its own savepoint, and returns `errors` with the failures added.
    ///
    /// - Throws: the error when SQLite ended the whole transaction (a full disk, an I/O error).
    private static func recordEach(
        _ attempts: [(report: DeliveryAttemptReport, claim: DeliveryClaim)], skipping errors: [(any Error)?], tenant: TenantID,
        at now: Date, on db: SQLiteConnection
    ) throws -> [(any Error)?] {
        var results = errors
        for (index, attempt) in attempts.enumerated() where errors[index] == nil {
            let operation = "record attempt of delivery \(attempt.claim.deliveryID)"
            do {
                try db.inSavepoint {
                    // Each attempt gets a new tail, because a rolled-back savepoint removes entries that an older tail would still expect.
                    var auditChain = AuditChainTail(scope: .tenant(tenant))
                    try AttemptRows.record(attempt.report, claim: attempt.claim, tenant: tenant, operation: operation, at: now, auditChain: &auditChain, on: db)
                }
            } catch {
                // Without a transaction, SQLite ended the whole group (a full disk, an I/O error): fail it all.
                guard db.isInTransaction else { throw error }
                results[index] = StoreError.translating(error, operation: operation)
            }
        }
        return results
    }

    package func deliveryAttempts(delivery: DeliveryID, tenant: TenantID) async throws -> [DeliveryAttempt] {
        try await read("list attempts of delivery \(delivery)") { db in
            try db.query(
                "SELECT \(AttemptRows.columns) FROM delivery_attempts WHERE tenant_id = ? AND delivery_id = ? ORDER BY number",
                [.text(tenant.rawValue), .integer(delivery.rawValue)], AttemptRows.decode)
        }
    }
}

/// Reading and writing rows of `delivery_attempts`, and the delivery state change each attempt causes.
enum AttemptRows {
    /// Checks that the claim is current, then writes the attempt, the delivery's new state, its dead letter,
    /// applied versions and audit entries, which `auditChain` appends to the tenant's chain. The `operation` text
    /// is built only for an error message.
    ///
    /// - Throws: ``StoreError`` `lease_lost` when the claim is no longer current, and `not_found` when the
    ///   delivery is not the tenant's. Nothing is written then.
    static func record(
        _ report: DeliveryAttemptReport, claim: DeliveryClaim, tenant: TenantID, operation: @autoclosure () -> String, at now: Date,
        auditChain: inout AuditChainTail, on db: SQLiteConnection
    ) throws {
        guard try advance(claim, tenant: tenant, by: report.outcome, at: now, on: db) else {
            throw try claimNotCurrent(claim, tenant: tenant, operation: operation(), on: db)
        }

        // Only a claim sets a delivery in flight, and it counts the claim, so while the claim is current the row
        // still has the flow, event and mapping that the claim read. Nothing changes a delivery's flow or event,
        // and only a replay of a parked delivery changes its mapping.
        let delivery = claim.delivery
        let unrecorded = try hasUnrecordedEarlierAttempt(claim, writes: !report.auditEntries.isEmpty, on: db)
        try insert(report, delivery: delivery, on: db)
        if case .park(let reason, let error) = report.outcome {
            try DeadLetterRows.park(delivery, reason: reason, error: error, at: now, on: db)
        }
        for version in report.appliedVersions {
            try AppliedVersionRows.raise(version, flow: delivery.flowID, tenant: tenant, at: now, on: db)
        }
        for var entry in report.auditEntries {
            if unrecorded, case .object(var details) = entry.details {
                details["earlier_attempt_unrecorded"] = true
                entry.details = .object(details)
            }
            _ = try auditChain.append(entry, on: db)
        }
    }

    /// Returns whether an earlier claim of the delivery ended without a recorded attempt, when the attempt wrote to the target.
    ///
    /// Every recorded attempt, also before a replay, has a row here, and a
    /// claim cut short by a stopped process or a lost lease has none. Such a
    /// claim may have written to the target, so a record this attempt finds
    /// unchanged may have been created by it, and the audit entries are marked
    /// with that. The first claim, the usual case, needs no query.
    private static func hasUnrecordedEarlierAttempt(_ claim: DeliveryClaim, writes: Bool, on db: SQLiteConnection) throws -> Bool {
        guard writes, claim.claimNumber > 1 else {
            return false
        }
        let recorded = try db.scalarInt64(
            "SELECT count(*) FROM delivery_attempts WHERE delivery_id = ?", [.integer(claim.deliveryID.rawValue)]) ?? 0
        return claim.claimNumber - 1 > recorded
    }

    /// Builds the error for a claim that ``advance(_:tenant:by:at:on:)`` found no longer current.
    ///
    /// - Throws: ``StoreError`` `not_found` when the tenant has no such delivery.
    private static func claimNotCurrent(_ claim: DeliveryClaim, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> StoreError {
        let current = try DeliveryRows.require(claim.deliveryID, tenant: tenant, operation: "record attempt of delivery", on: db)
        guard current.state != .inFlight || current.claimCount != claim.claimNumber else {
            return StoreError(
                .storageFailure, "\(operation): the claimed delivery was current but its row did not change",
                hint: "retry the attempt, and report it if it happens again")
        }
        return StoreError(
            .leaseLost,
            "\(operation): claim \(claim.claimNumber) is no longer current (state \(current.state.rawValue), claim \(current.claimCount))",
            hint: "drop this result; the delivery runs again under the newer claim")
    }

    static let columns = """
        id, tenant_id, delivery_id, number, started_at_ms, finished_at_ms, outcome, failure_class, error_code, \
        error_message, target_message, mapping_id, mapping_version
        """

    /// Inserts the attempt with the next number of the delivery.
    static func insert(_ report: DeliveryAttemptReport, delivery: Delivery, on db: SQLiteConnection) throws {
        let error = report.outcome.error
        try db.execute(
            """
            INSERT INTO delivery_attempts (tenant_id, delivery_id, number, started_at_ms, finished_at_ms, outcome, failure_class,
                error_code, error_message, target_message, mapping_id, mapping_version)
            VALUES (?1, ?2, (SELECT coalesce(max(number), 0) + 1 FROM delivery_attempts WHERE delivery_id = ?2),
                ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """,
            [.text(delivery.tenantID.rawValue), .integer(delivery.id.rawValue), .integer(StoreTime.milliseconds(report.startedAt)),
             .integer(StoreTime.milliseconds(report.finishedAt)), .text(report.outcome.kind.rawValue), .text(error?.failureClass.rawValue),
             .text(error?.code), .text(error?.message), .text(error?.targetMessage), .text(delivery.mapping?.mappingID.rawValue),
             .integer(delivery.mapping?.version)])
    }

    /// Sets state `?1`, next attempt `?2` (or keeps it when NULL), last error `?3` and update time `?4` of tenant `?5`'s
    /// delivery `?6` when it is in flight under claim `?7`.
    static let advanceSQL = """
        UPDATE deliveries SET state = ?1, attempt_count = attempt_count + 1, next_attempt_at_ms = coalesce(?2, next_attempt_at_ms),
            lease_expires_at_ms = NULL, last_error = ?3, updated_at_ms = ?4
        WHERE tenant_id = ?5 AND id = ?6 AND state = 'in_flight' AND claim_count = ?7
        """

    /// Moves the claimed delivery to the state `outcome` leads to, counting the attempt and clearing the lease.
    ///
    /// Returns false, changing nothing, when the delivery is not in flight under `claim` (or is not the tenant's).
    /// A retry sets the next attempt time, and the other outcomes keep it.
    static func advance(_ claim: DeliveryClaim, tenant: TenantID, by outcome: AttemptOutcome, at now: Date, on db: SQLiteConnection) throws -> Bool {
        let state: DeliveryState
        var nextAttempt: Date?
        switch outcome {
        case .delivered:
            state = .delivered
        case .retry(let at, _):
            state = .pending
            nextAttempt = at
        case .park:
            state = .parked
        }
        let changed = try db.execute(
            advanceSQL,
            [.text(state.rawValue), .integer(nextAttempt.map(StoreTime.milliseconds)), .text(outcome.error?.message),
             .integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .integer(claim.deliveryID.rawValue), .integer(claim.claimNumber)])
        return changed == 1
    }

    static func decode(_ row: SQLiteRow) throws -> DeliveryAttempt {
        var error: AttemptError?
        if let failureClass = try row.optionalText(7) {
            error = AttemptError(
                failureClass: try StoredValue.decode(failureClass, as: FailureClass.self, column: "delivery_attempts.failure_class"),
                code: try row.optionalText(8) ?? "", message: try row.optionalText(9) ?? "", targetMessage: try row.optionalText(10))
        }
        var mapping: MappingVersionReference?
        if let mappingID = try row.optionalText(11), let version = try row.optionalInt64(12) {
            mapping = MappingVersionReference(mappingID: MappingID(rawValue: mappingID), version: Int(version))
        }
        return DeliveryAttempt(
            id: DeliveryAttemptID(rawValue: try row.int64(0)), tenantID: TenantID(rawValue: try row.text(1)),
            deliveryID: DeliveryID(rawValue: try row.int64(2)), number: try row.int(3), startedAt: StoreTime.date(try row.int64(4)),
            finishedAt: StoreTime.date(try row.int64(5)),
            outcome: try StoredValue.decode(try row.text(6), as: AttemptOutcomeKind.self, column: "delivery_attempts.outcome"),
            error: error, mapping: mapping)
    }
}
