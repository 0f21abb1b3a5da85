import Foundation
import LedgerportSDK
import LedgerportStore

/// The JSON objects of the admin API, shared by the `ledgerport` commands' `--json` output so both print the same shapes.
///
/// Keys are snake_case, times are ISO 8601 in UTC with milliseconds, and
/// ids keep their stored form (integers for events, deliveries and dead
/// letters, text for the rest). No object contains a payload or a secret.
package enum AdminJSON {
    /// Formats `date` as an ISO 8601 UTC timestamp with milliseconds.
    package static func timestamp(_ date: Date) -> JSONValue {
        .string(timestampText(date))
    }

    /// Formats `date` as ISO 8601 UTC text with milliseconds, for tables and query arguments.
    package static func timestampText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Builds a tenant object: id, slug, display name, time zone and creation time.
    package static func tenant(_ tenant: Tenant) -> JSONValue {
        [
            "id": .string(tenant.id.rawValue), "slug": .string(tenant.slug), "display_name": .string(tenant.displayName),
            "time_zone": .string(tenant.timeZone), "created_at": timestamp(tenant.createdAt),
        ]
    }

    /// Builds an event object with the payload's digest and whether it is retained, never the payload.
    package static func event(_ event: StoredEvent) -> JSONValue {
        [
            "id": integer(event.id.rawValue), "connection_id": .string(event.connectionID.rawValue),
            "source_event_id": .string(event.sourceEventID), "event_type": .string(event.eventType),
            "received_at": timestamp(event.receivedAt), "correlation_id": .string(event.correlationID),
            "ordering_key": optional(event.orderingKey), "payload_retained": .bool(event.payload != nil),
            "payload_sha256": .string(MessageAuthentication.hex(event.payloadSHA256)),
        ]
    }

    /// Builds a delivery object with its state, attempt count, pinned mapping version and last error.
    ///
    /// `next_attempt_at` is set only for a pending delivery. The store keeps
    /// the column for every state, but while a delivery is in flight it contains
    /// the claim's expiry and afterwards the last value, which would read as
    /// an attempt still to come.
    package static func delivery(_ delivery: Delivery) -> JSONValue {
        [
            "id": integer(delivery.id.rawValue), "event_id": integer(delivery.eventID.rawValue), "flow_id": .string(delivery.flowID.rawValue),
            "ordering_key": .string(delivery.orderingKey), "state": .string(delivery.state.rawValue),
            "attempt_count": integer(Int64(delivery.attemptCount)),
            "next_attempt_at": delivery.state == .pending ? timestamp(delivery.nextAttemptAt) : .null,
            "mapping": delivery.mapping.map(mappingReference) ?? .null,
            "target_connector_version": optional(delivery.connectorVersion?.description), "last_error": optional(delivery.lastError),
            "created_at": timestamp(delivery.createdAt), "updated_at": timestamp(delivery.updatedAt),
        ]
    }

    /// Builds a delivery with every attempt and `held_back_by`, the id of the earlier open delivery of its object it waits for, or null.
    package static func deliveryDetail(_ delivery: Delivery, attempts: [DeliveryAttempt], heldBackBy holder: Delivery?) -> JSONValue {
        [
            "delivery": self.delivery(delivery), "attempts": .array(attempts.map(attempt)),
            "held_back_by": holder.map { integer($0.id.rawValue) } ?? .null,
        ]
    }

    /// Builds an attempt object with its outcome, mapping version and classified error.
    package static func attempt(_ attempt: DeliveryAttempt) -> JSONValue {
        var object: JSONObject = [
            "number": integer(Int64(attempt.number)), "started_at": timestamp(attempt.startedAt),
            "finished_at": timestamp(attempt.finishedAt), "outcome": .string(attempt.outcome.rawValue),
            "mapping": attempt.mapping.map(mappingReference) ?? .null, "error": .null,
        ]
        if let error = attempt.error {
            object["error"] = [
                "failure_class": .string(error.failureClass.rawValue), "code": .string(error.code), "message": .string(error.message),
                "target_message": optional(error.targetMessage),
            ]
        }
        return .object(object)
    }

    /// Builds a dead letter object with its reason, the target's message, the correlation id and how it was closed.
    package static func deadLetter(_ letter: DeadLetter) -> JSONValue {
        [
            "id": integer(letter.id.rawValue), "delivery_id": integer(letter.deliveryID.rawValue), "event_id": integer(letter.eventID.rawValue),
            "flow_id": .string(letter.flowID.rawValue), "reason": .string(letter.reason.rawValue), "error_code": .string(letter.errorCode),
            "message": .string(letter.message), "target_message": optional(letter.targetMessage),
            "correlation_id": .string(letter.correlationID), "status": .string(letter.status.rawValue),
            "parked_at": timestamp(letter.parkedAt), "closed_at": letter.closedAt.map(timestamp) ?? .null,
            "close_reason": optional(letter.closeReason), "closed_by": optional(letter.closedBy),
        ]
    }

    /// A dead letter with its delivery, attempts and event, as `show` returns it.
    package static func deadLetterDetail(_ detail: DeadLetterDetail) -> JSONValue {
        [
            "dead_letter": deadLetter(detail.deadLetter), "delivery": delivery(detail.delivery),
            "attempts": .array(detail.attempts.map(attempt)), "event": event(detail.event),
        ]
    }

    /// Builds the result of a dry run: the mapping version, whether it is approved, and the operations; `applied` is always false.
    package static func replayDryRun(_ dryRun: ReplayDryRun) throws -> JSONValue {
        [
            "dead_letter_id": integer(dryRun.deadLetterID.rawValue), "mapping": mappingReference(dryRun.mapping),
            "mapping_approved": .bool(dryRun.mappingApproved), "operations": try JSONValueEncoder().encode(dryRun.operations),
            "skipped_stale_events": .array(dryRun.skippedStale.map(JSONValue.string)),
            "warnings": .array(dryRun.warnings.map(JSONValue.string)), "applied": false,
        ]
    }

    /// Builds the result of one replay of a batch; `describe` turns a failure into a code and a message.
    package static func replayOutcome(_ outcome: ReplayOutcome, describe: (any Error) -> (code: String, message: String)) -> JSONValue {
        switch outcome.result {
        case .replayed(let replayed):
            return ["dead_letter_id": integer(outcome.deadLetterID.rawValue), "replayed": true, "delivery": delivery(replayed)]
        case .failed(let error):
            let (code, message) = describe(error)
            return [
                "dead_letter_id": integer(outcome.deadLetterID.rawValue), "replayed": false,
                "error": ["code": .string(code), "message": .string(message)],
            ]
        }
    }

    /// Builds the result of delivering a flow's stored events: what was selected, and what was created unless it was a dry run.
    package static func storedEventDelivery(_ count: StoredEventDeliveryCount, flow: FlowID, since: String, dryRun: Bool) -> JSONValue {
        [
            "flow_id": .string(flow.rawValue), "since": .string(since), "dry_run": .bool(dryRun),
            "deliveries_created": .number(JSONNumber(dryRun ? 0 : count.delivered)), "events_to_deliver": .number(JSONNumber(count.delivered)),
            "already_delivered": .number(JSONNumber(count.alreadyDelivered)), "without_payload": .number(JSONNumber(count.withoutPayload)),
        ]
    }

    /// Builds a connection object: its connector, plain configuration, state, and per secret field the
    /// validity of each value (id, `active_from`, `expires_at`, whether it is active at `now`), never the value.
    package static func connection(_ connection: Connection, secretValues: [SealedSecretValue], at now: Date) -> JSONValue {
        let fields = Dictionary(grouping: secretValues, by: \.field).mapValues { values in
            JSONValue.array(values.map { value in
                [
                    "value_id": integer(value.id.rawValue), "active_from": timestamp(value.activeFrom),
                    "expires_at": value.expiresAt.map(timestamp) ?? .null, "active": .bool(value.isActive(at: now)),
                ]
            })
        }
        return [
            "id": .string(connection.id.rawValue), "environment": .string(connection.environment.rawValue),
            "connector_id": .string(connection.connectorID), "connector_version": .string(connection.connectorVersion.description),
            "configuration": connection.configuration, "state": .string(connection.state.rawValue),
            "secret_fields": .object(fields), "created_at": timestamp(connection.createdAt), "updated_at": timestamp(connection.updatedAt),
        ]
    }

    /// Builds a flow object with its connections, mapping, event types, mode, retry policy and state.
    package static func flow(_ flow: Flow) -> JSONValue {
        [
            "id": .string(flow.id.rawValue), "environment": .string(flow.environment.rawValue),
            "source_connection_id": .string(flow.sourceConnectionID.rawValue), "target_connection_id": .string(flow.targetConnectionID.rawValue),
            "mapping_id": .string(flow.mappingID.rawValue), "native_event_types": .array(flow.nativeEventTypes.map(JSONValue.string)),
            "mode": .string(flow.mode.rawValue), "schedule": flow.schedule ?? .null, "retry_policy": flow.retryPolicy,
            "state": .string(flow.state.rawValue), "created_at": timestamp(flow.createdAt), "updated_at": timestamp(flow.updatedAt),
        ]
    }

    /// Builds a flow object as the flows listing prints it: ``flow(_:)`` with `slo` and `mapping_version_in_force`, null when no version is.
    package static func flow(_ flow: Flow, slo report: FlowSLOReport, mappingVersionInForce: Int?) -> JSONValue {
        guard case .object(var object) = self.flow(flow) else {
            preconditionFailure("a flow's JSON is an object")
        }
        object["slo"] = slo(report)
        object["mapping_version_in_force"] = mappingVersionInForce.map { .number(JSONNumber($0)) } ?? .null
        return .object(object)
    }

    /// Builds a scheduled flow's status: the time zone, the next window and the recent runs, newest first.
    package static func scheduleStatus(_ status: FlowScheduleStatus) -> JSONValue {
        [
            "time_zone": .string(status.timeZoneName),
            "next_window": ["start": timestamp(status.nextWindow.start), "end": timestamp(status.nextWindow.end)],
            "runs": .array(status.runs.map { run in
                guard case .object(var object) = scheduleRun(run) else { preconditionFailure("a run's JSON is an object") }
                object["retry_at"] = status.retryAt(run).map(timestamp) ?? .null
                object["gave_up"] = .bool(status.gaveUp(run))
                return .object(object)
            }),
        ]
    }

    /// Builds one run of a scheduled flow's window.
    package static func scheduleRun(_ run: ScheduleRun) -> JSONValue {
        [
            "window_start": timestamp(run.windowStart), "window_end": timestamp(run.windowEnd), "state": .string(run.state.rawValue),
            "attempts": integer(Int64(run.attempts)), "started_at": timestamp(run.startedAt), "finished_at": run.finishedAt.map(timestamp) ?? .null,
            "detail": run.detail.map(JSONValue.string) ?? .null,
        ]
    }

    /// Builds a flow's service level object: counts, ratio and whether the objective is met (null without deliveries).
    package static func slo(_ report: FlowSLOReport) -> JSONValue {
        [
            "objective": .number(JSONNumber(report.objective)), "target_seconds": integer(Int64(report.targetSeconds)),
            "since": timestamp(report.since), "total": integer(Int64(report.summary.total)),
            "delivered": integer(Int64(report.summary.delivered)),
            "delivered_within_target": integer(Int64(report.summary.deliveredWithinTarget)),
            "parked": integer(Int64(report.summary.parked)), "open": integer(Int64(report.summary.open)),
            "discarded": integer(Int64(report.summary.discarded)),
            "ratio": report.ratio.map { .number(JSONNumber($0)) } ?? .null, "met": report.met.map(JSONValue.bool) ?? .null,
        ]
    }

    /// Builds an operational alert object.
    package static func alert(_ alert: AlertBook.Alert) -> JSONValue {
        [
            "tenant": .string(alert.tenantSlug), "connection_id": .string(alert.connectionID), "kind": .string(alert.kind.rawValue),
            "code": .string(alert.code), "message": .string(alert.message), "since": timestamp(alert.since),
            "last_seen": timestamp(alert.lastSeen), "occurrences": integer(Int64(alert.occurrences)), "origin": .string(alert.origin.rawValue),
        ]
    }

    /// Builds a change request object with its subject, evidence and state.
    package static func changeRequest(_ request: ChangeRequest) -> JSONValue {
        [
            "id": .string(request.id.rawValue), "environment": .string(request.environment.rawValue), "kind": .string(request.kind.rawValue),
            "subject": request.subject, "summary": .string(request.summary), "state": .string(request.state.rawValue),
            "evidence": request.evidence, "proposed_by": .string(request.proposedBy), "proposed_at": timestamp(request.proposedAt),
            "updated_at": timestamp(request.updatedAt),
        ]
    }

    /// Builds one reviewer's decision object.
    package static func approval(_ approval: ChangeApproval) -> JSONValue {
        [
            "reviewer": .string(approval.reviewer), "decision": .string(approval.decision.rawValue), "comment": .string(approval.comment),
            "decided_at": timestamp(approval.decidedAt),
        ]
    }

    /// Builds a mapping activation object: the version in force in an environment and the request that approved it.
    package static func activation(_ activation: MappingActivation) -> JSONValue {
        [
            "environment": .string(activation.environment.rawValue), "mapping": mappingReference(activation.mapping),
            "change_request_id": optional(activation.changeRequestID?.rawValue), "activated_at": timestamp(activation.activatedAt),
            "activated_by": .string(activation.activatedBy),
        ]
    }

    /// Builds a mapping object: id, display name, every version without its content, and `active`, the version
    /// number in force per environment. An environment with no version in force is left out of `active`.
    package static func mappingOverview(_ overview: MappingOverview) -> JSONValue {
        var active: JSONObject = [:]
        for activation in overview.activations {
            active[activation.environment.rawValue] = integer(Int64(activation.mapping.version))
        }
        return [
            "id": .string(overview.mapping.id.rawValue), "display_name": .string(overview.mapping.displayName),
            "created_at": timestamp(overview.mapping.createdAt), "versions": .array(overview.versions.map(mappingVersionSummary)),
            "active": .object(active),
        ]
    }

    /// Builds one stored mapping version with its `content` and `active_in`, the environments where it is in force.
    package static func mappingVersion(_ version: MappingVersion, activeIn environments: [EnvironmentName]) -> JSONValue {
        guard case .object(var object) = mappingVersionSummary(version) else {
            preconditionFailure("a mapping version's JSON is an object")
        }
        object["mapping_id"] = .string(version.mappingID.rawValue)
        object["active_in"] = .array(environments.map { .string($0.rawValue) })
        object["content"] = version.content
        return .object(object)
    }

    private static func mappingVersionSummary(_ version: MappingVersion) -> JSONValue {
        [
            "version": integer(Int64(version.version)), "digest": .string(version.digest), "created_at": timestamp(version.createdAt),
            "created_by": .string(version.createdBy), "document_version": version.content["version"] ?? .null,
        ]
    }

    /// Builds a token object with its scope, role and state, never the token itself.
    package static func token(_ token: APIToken, tenantSlug: String?) -> JSONValue {
        [
            "id": .string(token.id.rawValue), "tenant": optional(tenantSlug), "role": .string(token.role.rawValue),
            "name": .string(token.name), "created_at": timestamp(token.createdAt), "revoked_at": token.revokedAt.map(timestamp) ?? .null,
        ]
    }

    /// Builds an audit entry object with its hashes in hexadecimal, so a reader can check the chain on their own.
    package static func auditEntry(_ entry: AuditEntry) -> JSONValue {
        [
            "sequence": integer(entry.sequence), "occurred_at": timestamp(entry.occurredAt), "actor": .string(entry.actor),
            "action": .string(entry.action), "subject_kind": .string(entry.subjectKind), "subject_id": .string(entry.subjectID),
            "details": entry.details, "previous_hash": .string(MessageAuthentication.hex(entry.previousHash)), "hash": .string(MessageAuthentication.hex(entry.hash)),
        ]
    }

    /// Builds the result of verifying an audit chain: whether it is intact, and otherwise the first broken entry and why.
    package static func auditVerification(_ verification: AuditVerification) -> JSONValue {
        switch verification {
        case .intact(let count):
            return ["intact": true, "entry_count": integer(Int64(count)), "broken_at": .null, "reason": .null, "message": .null]
        case .broken(let link):
            return [
                "intact": false, "entry_count": .null, "broken_at": integer(link.sequence), "reason": .string(link.reason.rawValue),
                "message": .string(link.description),
            ]
        }
    }

    /// Builds a `{"mapping_id", "version"}` object.
    package static func mappingReference(_ reference: MappingVersionReference) -> JSONValue {
        ["mapping_id": .string(reference.mappingID.rawValue), "version": integer(Int64(reference.version))]
    }

    private static func integer(_ value: Int64) -> JSONValue {
        .number(JSONNumber(value))
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
