import Foundation
import LedgerportSDK

/// A proposal to activate or promote a mapping version or to upgrade a connector, reviewed before it takes effect.
///
/// The store keeps the state and checks each transition against the state
/// the caller expects. Which transitions are allowed, and the approval
/// quorum, belong to the governance module.
package struct ChangeRequest: Sendable, Hashable {
    package let tenantID: TenantID
    package let id: ChangeRequestID
    package let environment: EnvironmentName
    package let kind: ChangeKind
    /// The change to apply, for example `{"mapping_id": "invoices", "version": 3}`.
    package let subject: JSONValue
    package let summary: String
    package let state: ChangeRequestState
    /// Validation results and the dry-run impact, as the governance module computed them.
    package let evidence: JSONValue
    package let proposedBy: String
    package let proposedAt: Date
    package let updatedAt: Date

    package init(
        tenantID: TenantID, id: ChangeRequestID, environment: EnvironmentName, kind: ChangeKind, subject: JSONValue,
        summary: String, state: ChangeRequestState, evidence: JSONValue, proposedBy: String, proposedAt: Date, updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.environment = environment
        self.kind = kind
        self.subject = subject
        self.summary = summary
        self.state = state
        self.evidence = evidence
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.updatedAt = updatedAt
    }
}

/// The kind of change a change request makes.
package enum ChangeKind: String, Sendable, Hashable, CaseIterable, Codable {
    case activateMapping = "activate_mapping"
    case promoteMapping = "promote_mapping"
    case upgradeConnector = "upgrade_connector"
}

/// The review state of a change request.
package enum ChangeRequestState: String, Sendable, Hashable, CaseIterable, Codable {
    case open
    case approved
    case rejected
    case applied
    case withdrawn
}

/// The fields of a change request to create; the store assigns the id and starts it `open`.
package struct NewChangeRequest: Sendable, Hashable {
    package var environment: EnvironmentName
    package var kind: ChangeKind
    package var subject: JSONValue
    package var summary: String
    package var evidence: JSONValue

    package init(environment: EnvironmentName, kind: ChangeKind, subject: JSONValue, summary: String, evidence: JSONValue = .object([:])) {
        self.environment = environment
        self.kind = kind
        self.subject = subject
        self.summary = summary
        self.evidence = evidence
    }
}

/// One reviewer's decision on a change request; each reviewer decides once.
package struct ChangeApproval: Sendable, Hashable {
    package let tenantID: TenantID
    package let changeRequestID: ChangeRequestID
    package let reviewer: String
    package let decision: ApprovalDecision
    package let comment: String
    package let decidedAt: Date

    package init(
        tenantID: TenantID, changeRequestID: ChangeRequestID, reviewer: String, decision: ApprovalDecision, comment: String,
        decidedAt: Date
    ) {
        self.tenantID = tenantID
        self.changeRequestID = changeRequestID
        self.reviewer = reviewer
        self.decision = decision
        self.comment = comment
        self.decidedAt = decidedAt
    }
}

/// A reviewer's decision.
package enum ApprovalDecision: String, Sendable, Hashable, CaseIterable, Codable {
    case approve
    case reject
}
