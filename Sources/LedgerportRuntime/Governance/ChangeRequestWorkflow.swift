import Foundation
import LedgerportSDK
import LedgerportStore

/// The review of a change request: proposed, decided by the governance board, then applied.
///
/// States and transitions:
///
/// | from | event | to | rule |
/// |---|---|---|---|
/// | open | approval | open, or approved at quorum | the reviewer is not the proposer and decides once |
/// | open | rejection | rejected | any one board member's rejection closes it |
/// | open or approved | withdrawal | withdrawn | only the proposer |
/// | approved | apply | applied | activates the mapping version in the request's environment |
///
/// Every transition is checked against the state the store holds, so two
/// reviewers deciding at once cannot both move the request, and every step
/// leaves an audit entry (the store writes it with the change). Proposers and
/// reviewers are compared as ``ActorIdentity`` normalizes them, so a
/// proposer cannot approve their own request under another spelling.
package struct ChangeRequestWorkflow: Sendable {
    /// How many distinct approvals a request needs.
    package let quorum: Int
    package let store: any Store
    /// Runs proposals over the tenant's newest events for their evidence; without it, proposals record no `dry_run`.
    package var dryRun: ProposalDryRun?

    package init(store: any Store, quorum: Int = 2) {
        precondition(quorum >= 1, "a change request needs at least one approval")
        self.store = store
        self.quorum = quorum
    }

    /// Opens a request to activate a stored mapping version in an environment, with its evidence.
    ///
    /// The evidence is what reviewers decide on: the version's `digest`, the version in force in the environment
    /// (`active`, null when none is) and `content_changes` against it (see ``proposalEvidence(for:environment:tenant:)``).
    /// Members of `evidence` are added to it, replacing those of the same name.
    package func proposeActivation(
        of version: MappingVersionReference, environment: EnvironmentName, summary: String, evidence: JSONValue = [:],
        tenant: TenantID, proposer: String
    ) async throws -> ChangeRequest {
        try await EnvironmentLookup.requireKnown(
            environment, operation: Self.proposalOperation(version, environment: environment), tenant: tenant, store: store)
        let stored = try await proposedVersion(version, environment: environment, tenant: tenant)
        try await requireNewProposal(of: version, environment: environment, tenant: tenant)
        var members = try await proposalEvidence(for: stored, environment: environment, tenant: tenant)
        members.merge(evidence.objectValue ?? [:]) { _, added in added }
        let request = NewChangeRequest(
            environment: environment, kind: .activateMapping,
            subject: ["mapping_id": .string(version.mappingID.rawValue), "version": .number(JSONNumber(version.version))],
            summary: summary, evidence: .object(members)
        )
        do {
            return try await store.createChangeRequest(request, tenant: tenant, actor: proposer)
        } catch let error as StoreError where error.code == .alreadyExists {
            // Another proposal of the same version was created after the check above, so the check now names it.
            try await requireNewProposal(of: version, environment: environment, tenant: tenant)
            throw error
        }
    }

    /// Names a proposal in messages: `propose activating mapping "stripe-invoices" version 2 in environment "production"`.
    package static func proposalOperation(_ version: MappingVersionReference, environment: EnvironmentName) -> String {
        "propose activating mapping \"\(version.mappingID)\" version \(version.version) in environment \"\(environment)\""
    }

    /// Reads the version to propose. An unknown mapping gets `not_found` naming the closest mapping, so only a known
    /// mapping's missing version gets the store's hint to publish it.
    private func proposedVersion(_ version: MappingVersionReference, environment: EnvironmentName, tenant: TenantID) async throws -> MappingVersion {
        do {
            return try await store.mappingVersion(version.version, mapping: version.mappingID, tenant: tenant)
        } catch let error as StoreError where error.code == .notFound {
            try await MappingLookup.requireKnown(
                version.mappingID, operation: Self.proposalOperation(version, environment: environment), tenant: tenant, store: store)
            throw error
        }
    }

    /// Builds the evidence of a proposal: the version's digest, and the version in force with the content changes from it.
    ///
    /// Without a version in force, `content_changes` lists each top-level member of the document as added.
    private func proposalEvidence(for version: MappingVersion, environment: EnvironmentName, tenant: TenantID) async throws -> JSONObject {
        var evidence: JSONObject = ["digest": .string(version.digest), "active": .null]
        var baseline: JSONValue = [:]
        if let active = try await store.activeMappingVersion(mapping: version.mappingID, environment: environment, tenant: tenant) {
            let current = try await store.mappingVersion(active.mapping.version, mapping: version.mappingID, tenant: tenant)
            evidence["active"] = ["version": .number(JSONNumber(current.version)), "digest": .string(current.digest)]
            baseline = current.content
        }
        let diff = MappingContentDiff(from: baseline, to: version.content)
        evidence["content_changes"] = diff.json
        if diff.omitted > 0 {
            evidence["content_changes_omitted"] = .number(JSONNumber(diff.omitted))
        }
        if let dryRun {
            let inForce = evidence["active"]?["version"]?.intValue.map { MappingVersionReference(mappingID: version.mappingID, version: $0) }
            evidence["dry_run"] = await dryRun.evidence(
                proposed: version.reference, inForce: inForce, environment: environment, tenant: try await store.tenant(tenant))
        }
        return evidence
    }

    /// Throws when the version is already active in the environment, or an open or approved request already proposes it.
    private func requireNewProposal(of version: MappingVersionReference, environment: EnvironmentName, tenant: TenantID) async throws {
        if try await store.activeMappingVersion(mapping: version.mappingID, environment: environment, tenant: tenant)?.mapping == version {
            throw WorkflowError.alreadyActive(version: version, environment: environment)
        }
        for state in [ChangeRequestState.open, .approved] {
            let same = try await store.changeRequests(tenant: tenant, state: state).first { request in
                request.environment == environment && request.subject["mapping_id"]?.stringValue == version.mappingID.rawValue
                    && request.subject["version"]?.intValue == version.version
            }
            if let same {
                throw WorkflowError.alreadyProposed(id: same.id, state: same.state, version: version, environment: environment)
            }
        }
    }

    /// Records a board member's decision and moves the request when it reaches quorum or is rejected.
    package func decide(
        _ decision: ApprovalDecision, comment: String, reviewer: String, request id: ChangeRequestID, tenant: TenantID
    ) async throws -> ChangeRequest {
        let request = try await store.changeRequest(id, tenant: tenant)
        guard request.state == .open else {
            throw WorkflowError.wrongState(id: id, state: request.state, action: "decide on")
        }
        let reviewer = ActorIdentity.normalized(reviewer)
        guard !ActorIdentity.same(reviewer, request.proposedBy) else {
            throw WorkflowError.selfReview(id: id, reviewer: reviewer)
        }
        _ = try await store.recordApproval(decision, comment: comment, reviewer: reviewer, changeRequest: id, tenant: tenant)

        if decision == .reject {
            return try await store.transitionChangeRequest(id, from: .open, to: .rejected, tenant: tenant, actor: reviewer)
        }
        let approvals = try await store.approvals(changeRequest: id, tenant: tenant).filter { $0.decision == .approve }
        guard Set(approvals.map { ActorIdentity.normalized($0.reviewer) }).count >= quorum else {
            return request
        }
        return try await store.transitionChangeRequest(id, from: .open, to: .approved, tenant: tenant, actor: reviewer)
    }

    /// Applies an approved request: activates its mapping version and marks it applied.
    package func apply(_ id: ChangeRequestID, tenant: TenantID, actor: String) async throws -> MappingActivation {
        let request = try await store.changeRequest(id, tenant: tenant)
        if request.state == .open {
            let approvals = try await store.approvals(changeRequest: id, tenant: tenant).filter { $0.decision == .approve }
            throw WorkflowError.notApproved(id: id, approvals: Set(approvals.map { ActorIdentity.normalized($0.reviewer) }).count, quorum: quorum)
        }
        guard request.state == .approved else {
            throw WorkflowError.wrongState(id: id, state: request.state, action: "apply")
        }
        guard request.kind == .activateMapping || request.kind == .promoteMapping,
            let mapping = request.subject["mapping_id"]?.stringValue, let version = request.subject["version"]?.intValue
        else {
            throw WorkflowError.unsupportedKind(id: id, kind: request.kind)
        }
        let activation = try await store.activateMappingVersion(
            MappingVersionReference(mappingID: MappingID(rawValue: mapping), version: version), environment: request.environment,
            changeRequest: id, tenant: tenant, actor: actor
        )
        _ = try await store.transitionChangeRequest(id, from: .approved, to: .applied, tenant: tenant, actor: actor)
        return activation
    }

    /// Withdraws an open or approved request that was not applied; only its proposer may.
    package func withdraw(_ id: ChangeRequestID, tenant: TenantID, actor: String) async throws -> ChangeRequest {
        let request = try await store.changeRequest(id, tenant: tenant)
        guard request.state == .open || request.state == .approved else {
            throw WorkflowError.wrongState(id: id, state: request.state, action: "withdraw")
        }
        guard ActorIdentity.same(actor, request.proposedBy) else {
            throw WorkflowError.notProposer(id: id, actor: actor)
        }
        return try await store.transitionChangeRequest(id, from: request.state, to: .withdrawn, tenant: tenant, actor: actor)
    }
}

/// A change request action that its state or the actor does not allow.
package enum WorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    case wrongState(id: ChangeRequestID, state: ChangeRequestState, action: String)
    case selfReview(id: ChangeRequestID, reviewer: String)
    case notProposer(id: ChangeRequestID, actor: String)
    case unsupportedKind(id: ChangeRequestID, kind: ChangeKind)
    case notApproved(id: ChangeRequestID, approvals: Int, quorum: Int)
    case alreadyActive(version: MappingVersionReference, environment: EnvironmentName)
    case alreadyProposed(id: ChangeRequestID, state: ChangeRequestState, version: MappingVersionReference, environment: EnvironmentName)

    /// The message with the CLI command that fixes the error, when a command does, with `<slug>` for the tenant's slug.
    package var description: String {
        message(wordingRemedy: { $0.commandHint(tenantSlug: nil) })
    }

    /// Builds the message, with `wordingRemedy` wording the fix for the interface that reports it: a CLI command or an API route.
    package func message(wordingRemedy: (Remedy) -> String) -> String {
        switch self {
        case .wrongState(let id, .approved, let action):
            "\(action) change request \(id): it is approved already, and only open requests are decided; \(wordingRemedy(.applyOrWithdraw(id)))"
        case .wrongState(let id, let state, let action):
            "\(action) change request \(id): it is \(state.rawValue), which closes it; propose a new request to change the mapping again"
        case .alreadyActive(let version, let environment):
            "propose activating \(version.mappingID) version \(version.version) in \(environment): it is already the active version there"
        case .alreadyProposed(let id, let state, let version, let environment):
            "propose activating \(version.mappingID) version \(version.version) in \(environment): change request \(id) already proposes it "
                + "and is \(state.rawValue); \(state == .approved ? "apply it" : "review it") or withdraw it instead of opening another"
        case .notApproved(let id, let approvals, let quorum):
            "apply change request \(id): it is open with \(approvals) of \(quorum) approvals; it can be applied once \(quorum) board members "
                + "other than the proposer approve it"
        case .selfReview(let id, let reviewer):
            "decide on change request \(id): \"\(reviewer)\" proposed it and cannot review it; ask another board member"
        case .notProposer(let id, let actor):
            "withdraw change request \(id): only its proposer may withdraw it, not \"\(actor)\""
        case .unsupportedKind(let id, let kind):
            "apply change request \(id): kind \(kind.rawValue) is not applied by this workflow"
        }
    }
}
