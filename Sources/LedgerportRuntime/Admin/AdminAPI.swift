import Foundation
import LedgerportCore
import LedgerportHTTPServer
import LedgerportJSONSchema
import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// The JSON admin API under `/admin`, served by the runtime's HTTP server next to the webhooks.
///
/// Every route needs `Authorization: Bearer <token>`. A request is handled in
/// this order, and the first failure is the response:
///
/// 1. authenticate the token (401 `missing_token` or `invalid_token`);
/// 2. on `/admin/tenants/{tenant}/...`, resolve the tenant and check that a
///    tenant token names its own tenant. An unknown tenant and another
///    tenant's both get the same 404 `tenant_not_found`, so a token cannot
///    learn which other tenants exist;
/// 3. check the token's role against the route's ``AdminPermission`` (403 `forbidden`);
/// 4. check the query and the body against the route's ``AdminRequestShape``
///    (400 for an unknown key or a member of the wrong type), so nothing runs
///    with a misspelt option silently left at its default;
/// 5. run the handler; its errors go through ``AdminError/classify(_:tenantSlug:)``.
///
/// The routes and their JSON are described in `docs/admin-api.md`. The API
/// does not create tokens: `ledgerport token create` does, on the data folder.
struct AdminAPI: Sendable {
    static let basePath = "/admin"

    let store: any Store
    let tenants: TenantDirectory
    let tokens: APITokenService
    let deadLetters: DeadLetterService
    let storedEvents: StoredEventDeliverer
    let workflow: ChangeRequestWorkflow
    let alerts: AlertBook
    let router: FlowRouter
    let connectors: ConnectorHost
    let registry: ConnectorRegistry
    let secretRotation: SecretRotation
    let connectionConfigurator: ConnectionConfigurator
    let mappingPublisher: MappingPublisher
    /// The hosts that connections' URL fields may name when changed through the API.
    let connectionURLHosts: ConnectionURLHosts
    let clock: any WallClock
    let logger: Logger
    /// Rejected requests (4xx) are logged once per remote address, error code and token per interval, with a count of the rest.
    let rejectionThrottle = LogThrottle<RejectionKey>()

    /// The scope of a route: the platform, or the tenant named in its path.
    enum Scope {
        case platform
        case tenant
    }

    /// Adds every admin route to `routes`. Literal segments such as `/dead-letters/replay` are added before `{id}` patterns.
    func register(in routes: inout HTTPRouter) {
        registerPlatformRoutes(in: &routes)
        registerEventRoutes(in: &routes)
        registerDeadLetterRoutes(in: &routes)
        registerFlowRoutes(in: &routes)
        registerConnectionRoutes(in: &routes)
        registerMappingRoutes(in: &routes)
        registerChangeRequestRoutes(in: &routes)
        registerAuditRoutes(in: &routes)
    }

    /// Adds one route whose handler returns a JSON body (status 200 unless it returns another).
    ///
    /// `accepts` lists the query arguments and body members the route takes;
    /// a request with any other is rejected before the handler runs.
    func add(
        _ routes: inout HTTPRouter, _ method: String, _ path: String, scope: Scope, permission: AdminPermission, accepts shape: AdminRequestShape,
        _ handler: @escaping @Sendable (AdminRequest) async throws -> (Int, JSONValue)
    ) {
        routes.add(method, Self.basePath + path, handler: { request in
            await self.handle(request, scope: scope, permission: permission, shape: shape, handler)
        })
    }

    private func handle(
        _ request: HTTPServerRequest, scope: Scope, permission: AdminPermission, shape: AdminRequestShape,
        _ handler: @Sendable (AdminRequest) async throws -> (Int, JSONValue)
    ) async -> HTTPServerResponse {
        var caller: APIToken?
        do {
            let token = try await authenticate(request)
            caller = token
            let tenant = scope == .tenant ? try await resolveTenant(request.pathParameters["tenant"] ?? "", for: token) : nil
            guard permission.allows(token.role) else {
                throw AdminError.forbidden(permission, role: token.role)
            }
            let (status, body) = try await handler(try AdminRequest(http: request, token: token, tenant: tenant, shape: shape))
            return .json(body, status: status)
        } catch {
            return respond(to: error, request: request, caller: caller)
        }
    }

    func authenticate(_ request: HTTPServerRequest) async throws -> APIToken {
        guard let header = request.headers["Authorization"] else {
            throw AdminError.missingToken
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw AdminError.missingToken
        }
        guard let token = try await tokens.authenticate(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw AdminError.invalidToken
        }
        return token
    }

    /// Reads the tenant of the path; another tenant's is reported exactly like a missing one.
    ///
    /// An operator's token reaches every tenant, so its 404 also names the
    /// closest slug. A tenant's token gets no suggestion, which would reveal
    /// another tenant.
    private func resolveTenant(_ slug: String, for token: APIToken) async throws -> Tenant {
        let tenant: Tenant
        do {
            tenant = try await tenants.tenant(slug: slug)
        } catch let error as StoreError where error.code == .notFound {
            guard token.tenantID == nil, let slugs = try? await store.tenants().map(\.slug) else {
                throw AdminError.tenantNotFound(slug)
            }
            throw AdminError.tenantNotFound(slug, suggestion: MessageText.didYouMean(slug, among: slugs))
        }
        if let scope = token.tenantID, scope != tenant.id {
            throw AdminError.tenantNotFound(slug)
        }
        return tenant
    }

    func respond(to error: any Error, request: HTTPServerRequest, caller: APIToken?) -> HTTPServerResponse {
        guard let adminError = AdminError.classify(error, tenantSlug: request.pathParameters["tenant"]) else {
            logger.error("admin request failed", metadata: [
                LogMetadataKey.httpMethod: .string(request.method), LogMetadataKey.httpPath: .string(request.path),
                LogMetadataKey.error: .string("\(error)"),
            ])
            return .internalError()
        }
        if adminError.status >= 500 {
            logger.error("admin request failed", metadata: [
                LogMetadataKey.httpMethod: .string(request.method), LogMetadataKey.httpPath: .string(request.path),
                LogMetadataKey.error: .string(adminError.message),
            ])
        } else {
            logRejection(adminError, request: request, caller: caller)
        }
        return adminError.response
    }

    /// The key of a rejected request's log line: the same address, code and token within an interval get one line.
    struct RejectionKey: Hashable, Sendable {
        let remoteAddress: String
        let code: String
        /// The calling token's id, or nil before the token is known.
        let tokenID: String?
    }

    /// Logs a 4xx response without the request's body or token: a warning when the caller failed authentication
    /// or reached for another tenant or a role it lacks, otherwise an info line.
    private func logRejection(_ rejection: AdminError, request: HTTPServerRequest, caller: APIToken?) {
        let key = RejectionKey(remoteAddress: request.remoteAddress, code: rejection.code, tokenID: caller?.id.rawValue)
        guard let leftOut = rejectionThrottle.admit(key, at: clock.now()) else {
            return
        }
        var metadata: LogMetadata = [
            LogMetadataKey.httpMethod: .string(request.method), LogMetadataKey.httpPath: .string(request.path),
            LogMetadataKey.httpStatus: .integer(Int64(rejection.status)), LogMetadataKey.httpRemoteAddress: .string(request.remoteAddress),
            "admin.error_code": .string(rejection.code), LogMetadataKey.error: .string(rejection.message),
            "rejection.suppressed_since_last": .integer(Int64(leftOut)),
        ]
        if let caller {
            metadata["api_token.id"] = .string(caller.id.rawValue)
            metadata["api_token.name"] = .string(caller.name)
        }
        let isAccessDenied = [401, 403].contains(rejection.status) || rejection.code == "tenant_not_found"
        if isAccessDenied {
            logger.warning("admin request denied", metadata: metadata)
        } else {
            logger.info("admin request rejected", metadata: metadata)
        }
    }

    /// Builds a listing's body: the items under `key`, and `next_after` (the last id) when the page is full.
    static func page(_ key: String, _ items: [JSONValue], lastID: Int64?, limit: Int) -> JSONValue {
        let next: JSONValue = items.count == limit ? lastID.map { .number(JSONNumber($0)) } ?? .null : .null
        return [key: .array(items), "next_after": next]
    }
}
