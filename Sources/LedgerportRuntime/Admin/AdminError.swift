import LedgerportHTTPServer
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// An admin API failure with its HTTP status, a stable code and a message that names the value, the rule and the fix.
///
/// Every error reaches the client through ``response``, which uses the
/// server's one JSON error shape. ``classify(_:tenantSlug:)`` maps the errors of the
/// store, the governance workflow and the services; anything else is a 500
/// whose detail goes only to the log.
struct AdminError: Error, Sendable, Hashable {
    let status: Int
    let code: String
    let message: String

    var response: HTTPServerResponse {
        var headers: HTTPHeaders = [:]
        if status == 401 {
            headers.replaceOrAdd(name: "WWW-Authenticate", value: "Bearer")
        }
        return .error(status: status, code: code, message: message, headers: headers)
    }

    static func badRequest(_ code: String, _ message: String) -> AdminError {
        AdminError(status: 400, code: code, message: message)
    }

    static let missingToken = AdminError(
        status: 401, code: "missing_token",
        message: "the request has no bearer token; send \"Authorization: Bearer lpt_...\" with a token from \"ledgerport token create\""
    )

    static let invalidToken = AdminError(
        status: 401, code: "invalid_token",
        message: "the bearer token is malformed, unknown or revoked; create a new one with \"ledgerport token create\""
    )

    /// Builds the 404 for a tenant that does not exist or that the token may not reach, with one message for both so the response reveals nothing.
    ///
    /// `suggestion` is a "did you mean" phrase, given only to operators, whose tokens reach every tenant.
    static func tenantNotFound(_ slug: String, suggestion: String = "") -> AdminError {
        AdminError(
            status: 404, code: "tenant_not_found",
            message: "tenant \"\(slug)\" not found; \(suggestion)check the slug, and use a token issued for that tenant"
        )
    }

    static func forbidden(_ permission: AdminPermission, role: APIRole) -> AdminError {
        let roles = permission.roles.map(\.rawValue).joined(separator: " or ")
        let fix = permission.roles.count == 1 ? "use a token with that role" : "use a token with one of those roles"
        return AdminError(
            status: 403, code: "forbidden",
            message: "\(permission.activity) requires the role \(roles), and this token has the role \(role.rawValue); \(fix)"
        )
    }

    /// Maps a thrown error to the client's error, or nil for an unexpected one that becomes a 500.
    ///
    /// `tenantSlug` is the tenant of the route, if any. A token holder usually cannot run the CLI on the data folder,
    /// so an error with a ``Remedy`` names the API route for that tenant instead of the CLI command.
    static func classify(_ error: any Error, tenantSlug: String?) -> AdminError? {
        switch error {
        case let error as AdminError:
            return error
        case let error as StoreError:
            return classifyStoreError(error, tenantSlug: tenantSlug)
        case let error as WorkflowError:
            return classifyWorkflowError(error, tenantSlug: tenantSlug)
        case let error as DeadLetterServiceError:
            let status = if case .dryRunUnavailable = error { 503 } else { 409 }
            return AdminError(status: status, code: error.code, message: error.description)
        case let error as ConnectorError:
            // A dry run's translation or mapping failed, or a published version was reused: the request was fine, the event or
            // mapping is not. The body names the code, so the message leaves out the description's class and code tag.
            let parts = [error.message] + [error.targetMessage.map { "target says: \($0)" }, error.hint].compactMap { $0 }
            return AdminError(status: 422, code: error.code, message: parts.joined(separator: "; "))
        case let error as ConnectionConfigurationError:
            return classify(error)
        case let error as MappingValidationError:
            return AdminError(status: 422, code: "mapping_invalid", message: error.description)
        default:
            return nil
        }
    }

    private static func classify(_ error: ConnectionConfigurationError) -> AdminError {
        switch error {
        case .noChanges, .secretField:
            AdminError(status: 400, code: "invalid_input", message: error.description)
        case .invalid:
            AdminError(status: 400, code: "invalid_configuration", message: error.description)
        case .urlHostNotAllowed, .urlNotHTTP:
            AdminError(status: 403, code: "url_host_not_allowed", message: error.description)
        }
    }

    private static func classifyStoreError(_ error: StoreError, tenantSlug: String?) -> AdminError {
        var message = error.description
        if let remedy = error.remedy, let tenantSlug {
            message = "\(error.message); \(remedy.routeHint(tenantSlug: tenantSlug))"
        }
        let status =
            switch error.code {
            case .notFound: 404
            case .invalidInput: 400
            case .alreadyExists, .conflict, .leaseLost: 409
            case .unavailable: 503
            case .schemaMismatch, .storageFailure: 500
            }
        return AdminError(status: status, code: error.code.rawValue, message: message)
    }

    private static func classifyWorkflowError(_ error: WorkflowError, tenantSlug: String?) -> AdminError {
        let message = error.message(wordingRemedy: { remedy in tenantSlug.map { remedy.routeHint(tenantSlug: $0) } ?? remedy.commandHint(tenantSlug: nil) })
        return switch error {
        case .wrongState, .notApproved:
            AdminError(status: 409, code: "change_request_state", message: message)
        case .alreadyActive, .alreadyProposed:
            AdminError(status: 409, code: "change_request_duplicate", message: message)
        case .selfReview:
            AdminError(status: 403, code: "self_review", message: message)
        case .notProposer:
            AdminError(status: 403, code: "not_proposer", message: message)
        case .unsupportedKind:
            AdminError(status: 422, code: "unsupported_change", message: message)
        }
    }
}
