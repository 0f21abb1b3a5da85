import Foundation
import LedgerportSDK

/// A flow: events from a source connection, through a mapping, to a target connection.
///
/// The mapping's active version for the flow's environment decides the
/// operations; ``retryPolicy`` and ``schedule`` are JSON documents the
/// runtime interprets (the store keeps them as given, so the store does not
/// depend on the runtime's types).
package struct Flow: Sendable, Hashable {
    package let tenantID: TenantID
    package let id: FlowID
    package let environment: EnvironmentName
    package let sourceConnectionID: ConnectionID
    package let targetConnectionID: ConnectionID
    package let mappingID: MappingID
    /// The source's native event types the flow takes, such as `invoice.payment_succeeded`; empty takes every type.
    package let nativeEventTypes: [String]
    package let mode: FlowMode
    /// For scheduled flows, the schedule as JSON (`{"daily_at": "02:00"}`); nil for real-time flows.
    package let schedule: JSONValue?
    /// The retry policy as JSON (`{"maximum_attempts": 8, ...}`).
    package let retryPolicy: JSONValue
    /// The service level objective: the share of deliveries (such as 0.99) that should finish within ``sloTargetSeconds``.
    package let sloObjective: ExactDecimal
    package let sloTargetSeconds: Int
    package let state: FlowState
    package let createdAt: Date
    package let updatedAt: Date

    package init(
        tenantID: TenantID, id: FlowID, environment: EnvironmentName, sourceConnectionID: ConnectionID,
        targetConnectionID: ConnectionID, mappingID: MappingID, nativeEventTypes: [String], mode: FlowMode,
        schedule: JSONValue?, retryPolicy: JSONValue, sloObjective: ExactDecimal, sloTargetSeconds: Int, state: FlowState,
        createdAt: Date, updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.environment = environment
        self.sourceConnectionID = sourceConnectionID
        self.targetConnectionID = targetConnectionID
        self.mappingID = mappingID
        self.nativeEventTypes = nativeEventTypes
        self.mode = mode
        self.schedule = schedule
        self.retryPolicy = retryPolicy
        self.sloObjective = sloObjective
        self.sloTargetSeconds = sloTargetSeconds
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// How a flow's work starts.
package enum FlowMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Each webhook event becomes a delivery at once.
    case realtime
    /// The flow runs once per schedule window (backfills, extracts).
    case scheduled
}

/// Whether a flow takes new events.
package enum FlowState: String, Sendable, Hashable, CaseIterable, Codable {
    case active
    /// Events are still stored, but no deliveries are created for this flow.
    case paused
}

/// The fields of a flow to create.
package struct NewFlow: Sendable, Hashable {
    package var id: FlowID
    package var environment: EnvironmentName
    package var sourceConnectionID: ConnectionID
    package var targetConnectionID: ConnectionID
    package var mappingID: MappingID
    package var nativeEventTypes: [String]
    package var mode: FlowMode
    package var schedule: JSONValue?
    package var retryPolicy: JSONValue
    package var sloObjective: ExactDecimal
    package var sloTargetSeconds: Int

    package init(
        id: FlowID, environment: EnvironmentName, sourceConnectionID: ConnectionID, targetConnectionID: ConnectionID,
        mappingID: MappingID, nativeEventTypes: [String], mode: FlowMode = .realtime, schedule: JSONValue? = nil,
        retryPolicy: JSONValue, sloObjective: ExactDecimal = ExactDecimal(significand: 99, scale: 2), sloTargetSeconds: Int = 60
    ) {
        self.id = id
        self.environment = environment
        self.sourceConnectionID = sourceConnectionID
        self.targetConnectionID = targetConnectionID
        self.mappingID = mappingID
        self.nativeEventTypes = nativeEventTypes
        self.mode = mode
        self.schedule = schedule
        self.retryPolicy = retryPolicy
        self.sloObjective = sloObjective
        self.sloTargetSeconds = sloTargetSeconds
    }

    /// Checks the slugs, that a scheduled flow has a schedule and a real-time one has none, and the SLO's range.
    package func validate() throws(StoreError) {
        let operation = "create flow \"\(id)\""
        try StoreValidation.validateSlug(id.rawValue, operation: "create flow", valueName: "flow id")
        try StoreValidation.validateSlug(mappingID.rawValue, operation: operation, valueName: "mapping id")
        if nativeEventTypes.isEmpty {
            throw .invalidInput(operation, "native event types", "are empty; list the source event types the flow takes, such as [\"invoice.paid\"]")
        }
        for (index, eventType) in nativeEventTypes.enumerated() {
            try StoreValidation.validateNotBlank(eventType, operation: operation, valueName: "native event type at index \(index)")
        }
        if mode == .scheduled, schedule == nil {
            throw .invalidInput(operation, "schedule", "is missing; a scheduled flow needs one such as {\"daily_at\": \"02:00\"}")
        }
        if mode == .realtime, schedule != nil {
            throw .invalidInput(operation, "schedule", "is set on a real-time flow; remove it or make the flow scheduled")
        }
        guard sloTargetSeconds > 0, sloObjective > .zero, sloObjective <= ExactDecimal(1) else {
            throw .invalidInput(operation, "service level objective", "must be a share above 0 and at most 1 within a positive number of seconds")
        }
    }
}
