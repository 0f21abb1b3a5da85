/// Change requests and reviewers' decisions.
package protocol ChangeRequestStore: Sendable {
    /// Creates an `open` change request, and audits it as `change_request.created`.
    ///
    /// The proposer `actor` is stored normalized (see ``ActorIdentity``). At most one request with the
    /// same environment, kind and subject is open or approved at a time. The store checks this in the
    /// insert's transaction, so two proposals made at the same moment cannot both pass.
    /// - Throws: ``StoreError`` `not_found` for an unknown environment, `invalid_input` for a blank summary,
    ///   `already_exists` when an open or approved request has the same environment, kind and subject.
    func createChangeRequest(_ request: NewChangeRequest, tenant: TenantID, actor: String) async throws -> ChangeRequest

    /// Reads one change request. - Throws: ``StoreError`` `not_found`, also for another tenant's.
    func changeRequest(_ id: ChangeRequestID, tenant: TenantID) async throws -> ChangeRequest

    /// Lists a tenant's change requests, in one state or all, newest first.
    func changeRequests(tenant: TenantID, state: ChangeRequestState?) async throws -> [ChangeRequest]

    /// Records a reviewer's decision on an `open` change request, and audits it as `change_request.reviewed`.
    ///
    /// The reviewer is stored normalized, and one reviewer decides once: two
    /// spellings that normalize alike (see ``ActorIdentity``) are the same reviewer.
    /// - Throws: ``StoreError`` `conflict` when the request is not `open`,
    ///   `already_exists` when this reviewer already decided.
    func recordApproval(
        _ decision: ApprovalDecision, comment: String, reviewer: String, changeRequest: ChangeRequestID, tenant: TenantID
    ) async throws -> ChangeApproval

    /// Lists the decisions on a change request, oldest first.
    func approvals(changeRequest: ChangeRequestID, tenant: TenantID) async throws -> [ChangeApproval]

    /// Moves a change request from `expected` to `state`, and audits it as `change_request.<state>`.
    ///
    /// A compare-and-set: it fails when another caller moved the request first.
    /// - Throws: ``StoreError`` `conflict` when the request is not in `expected`.
    func transitionChangeRequest(
        _ id: ChangeRequestID, from expected: ChangeRequestState, to state: ChangeRequestState, tenant: TenantID, actor: String
    ) async throws -> ChangeRequest
}
