import LedgerportStore

/// An action of the admin API, and the roles allowed to take it.
///
/// | action | roles |
/// |---|---|
/// | read a tenant's data and audit log | every tenant role, and operator for every tenant |
/// | replay or discard dead letters | finance_operator, tenant_admin |
/// | decide change requests | board_member, tenant_admin |
/// | propose or apply change requests, pause or resume flows, rotate connection secrets | tenant_admin |
/// | list tenants, read alerts of every tenant and the platform's audit log | operator |
/// | create tenants | operator |
/// | read `/metrics`, whose series name every tenant | operator |
///
/// Operators run the platform: they read every tenant but change none of a
/// tenant's data, which is the tenant's own people's work.
enum AdminPermission: String, Sendable, CaseIterable {
    case read
    case replayDeadLetters = "replay_dead_letters"
    case discardDeadLetters = "discard_dead_letters"
    case decideChangeRequests = "decide_change_requests"
    case proposeChangeRequests = "propose_change_requests"
    /// Withdrawing is the proposer's own step; the workflow checks that the actor proposed the request.
    case withdrawChangeRequests = "withdraw_change_requests"
    case applyChangeRequests = "apply_change_requests"
    case manageFlows = "manage_flows"
    case manageConnections = "manage_connections"
    case readPlatform = "read_platform"
    case managePlatform = "manage_platform"
    case readMetrics = "read_metrics"

    /// The roles allowed to take this action, in the order error messages list them.
    var roles: [APIRole] {
        switch self {
        case .read: [.viewer, .financeOperator, .boardMember, .tenantAdmin, .operator_]
        case .replayDeadLetters, .discardDeadLetters: [.financeOperator, .tenantAdmin]
        case .decideChangeRequests: [.boardMember, .tenantAdmin]
        case .proposeChangeRequests, .withdrawChangeRequests, .applyChangeRequests, .manageFlows, .manageConnections: [.tenantAdmin]
        case .readPlatform, .managePlatform, .readMetrics: [.operator_]
        }
    }

    /// What the action does, for error messages: "replay dead letters".
    var activity: String {
        rawValue.replacingOccurrences(of: "_", with: " ")
    }

    func allows(_ role: APIRole) -> Bool {
        roles.contains(role)
    }
}
