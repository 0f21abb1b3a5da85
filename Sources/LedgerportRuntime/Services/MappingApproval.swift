import LedgerportSDK
import LedgerportStore

/// Decides whether a stored mapping version may run in an environment.
///
/// A version may run when it is the active version there, or when a change
/// request to activate or promote exactly that version in that environment
/// was approved (state `approved` or `applied`). Publishing alone approves
/// nothing: a version only a proposer has seen never runs.
struct MappingApproval: Sendable {
    let store: any Store

    func isApproved(_ version: MappingVersionReference, environment: EnvironmentName, tenant: TenantID) async throws -> Bool {
        if let active = try await store.activeMappingVersion(mapping: version.mappingID, environment: environment, tenant: tenant),
            active.mapping == version
        {
            return true
        }
        for state in [ChangeRequestState.approved, .applied] {
            let requests = try await store.changeRequests(tenant: tenant, state: state)
            if requests.contains(where: { Self.request($0, approves: version, in: environment) }) {
                return true
            }
        }
        return false
    }

    /// Returns the open change request that proposes `version` in `environment`, with its approvals so far, or nil.
    func openRequest(
        for version: MappingVersionReference, environment: EnvironmentName, tenant: TenantID
    ) async throws -> (request: ChangeRequest, approvals: Int)? {
        let open = try await store.changeRequests(tenant: tenant, state: .open)
        guard let request = open.first(where: { Self.request($0, approves: version, in: environment) }) else {
            return nil
        }
        let approvals = try await store.approvals(changeRequest: request.id, tenant: tenant).filter { $0.decision == .approve }
        return (request, Set(approvals.map { ActorIdentity.normalized($0.reviewer) }).count)
    }

    private static func request(_ request: ChangeRequest, approves version: MappingVersionReference, in environment: EnvironmentName) -> Bool {
        guard request.environment == environment, request.kind == .activateMapping || request.kind == .promoteMapping else {
            return false
        }
        return request.subject["mapping_id"]?.stringValue == version.mappingID.rawValue && request.subject["version"]?.intValue == version.version
    }
}
