import Foundation
import LedgerportSDK

/// A worker's report after one attempt of a claimed delivery.
package struct DeliveryAttemptReport: Sendable, Hashable {
    package var startedAt: Date
    package var finishedAt: Date
    package var outcome: AttemptOutcome
    /// Object versions the attempt applied, recorded in the same transaction so that
    /// ``FlowStore/appliedVersion(objectKey:flow:tenant:)`` only ever rises.
    package var appliedVersions: [AppliedObjectVersion]
    /// Audit entries for the writes the attempt made in the target, appended to the tenant's chain in the same transaction.
    package var auditEntries: [NewAuditEntry]

    package init(
        startedAt: Date, finishedAt: Date, outcome: AttemptOutcome, appliedVersions: [AppliedObjectVersion] = [],
        auditEntries: [NewAuditEntry] = []
    ) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.appliedVersions = appliedVersions
        self.auditEntries = auditEntries
    }
}

/// The version of one object's state that a delivery applied, such as `invoice:in_1` at 1796412147000.
package struct AppliedObjectVersion: Sendable, Hashable {
    package var objectKey: String
    package var version: Int64

    package init(objectKey: String, version: Int64) {
        self.objectKey = objectKey
        self.version = version
    }
}

/// The result of one attempt, which decides the delivery's next state.
package enum AttemptOutcome: Sendable, Hashable {
    /// The target applied the operations; the delivery is done.
    case delivered
    /// The attempt failed transiently; the delivery runs again at `at`.
    case retry(at: Date, error: AttemptError)
    /// The delivery stops and a dead letter is parked with `reason`.
    case park(reason: DeadLetterReason, error: AttemptError)

    /// The stored name of the outcome: `delivered`, `retry` or `parked`.
    package var kind: AttemptOutcomeKind {
        switch self {
        case .delivered: .delivered
        case .retry: .retry
        case .park: .parked
        }
    }

    /// The error of a failed attempt; nil for `delivered`.
    package var error: AttemptError? {
        switch self {
        case .delivered: nil
        case .retry(_, let error), .park(_, let error): error
        }
    }
}

/// The stored name of an ``AttemptOutcome``.
package enum AttemptOutcomeKind: String, Sendable, Hashable, CaseIterable, Codable {
    case delivered
    case retry
    case parked
}

/// The cause of a failed attempt, as the connector classified it. Never contains a secret.
package struct AttemptError: Sendable, Hashable {
    package var failureClass: FailureClass
    /// A stable snake_case code such as `odoo_user_error`.
    package var code: String
    package var message: String
    /// The target's own error text, kept verbatim for the exception workbench.
    package var targetMessage: String?

    package init(failureClass: FailureClass, code: String, message: String, targetMessage: String? = nil) {
        self.failureClass = failureClass
        self.code = code
        self.message = message
        self.targetMessage = targetMessage
    }

    /// Copies the class, code and messages of a connector's failure.
    /// Keeps a connector error's message followed by its hint, so the person who reads the dead letter sees what to do.
    package init(_ error: ConnectorError) {
        let message = error.hint.map { "\(error.message); \($0)" } ?? error.message
        self.init(failureClass: error.failureClass, code: error.code, message: message, targetMessage: error.targetMessage)
    }
}

/// One recorded attempt of a delivery.
package struct DeliveryAttempt: Sendable, Hashable {
    package let id: DeliveryAttemptID
    package let tenantID: TenantID
    package let deliveryID: DeliveryID
    /// The attempt's position among all attempts of the delivery, starting at 1 and continuing across replays.
    package let number: Int
    package let startedAt: Date
    package let finishedAt: Date
    package let outcome: AttemptOutcomeKind
    package let error: AttemptError?
    /// The mapping version the attempt ran with.
    package let mapping: MappingVersionReference?

    package init(
        id: DeliveryAttemptID, tenantID: TenantID, deliveryID: DeliveryID, number: Int, startedAt: Date, finishedAt: Date,
        outcome: AttemptOutcomeKind, error: AttemptError?, mapping: MappingVersionReference?
    ) {
        self.id = id
        self.tenantID = tenantID
        self.deliveryID = deliveryID
        self.number = number
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.error = error
        self.mapping = mapping
    }
}
