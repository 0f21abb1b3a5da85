import LedgerportHTTPServer
import LedgerportStore

extension AdminAPI {
    /// Adds `GET /metrics`, the Prometheus text of `exposition`, outside the admin base path.
    ///
    /// Its series name every tenant and connection, so with `requiresToken` it serves only an operator's bearer token,
    /// and other callers get the admin API's JSON errors (401 without a valid token, 403 for a tenant's token).
    func registerMetricsRoute(in routes: inout HTTPRouter, requiresToken: Bool, exposition: @escaping @Sendable () -> String) {
        guard requiresToken else {
            routes.add("GET", "/metrics", .immediate { _, responder in responder.respond(Self.metricsResponse(exposition())) })
            return
        }
        routes.add("GET", "/metrics", handler: { request in
            var caller: APIToken?
            do {
                let token = try await self.authenticate(request)
                caller = token
                guard AdminPermission.readMetrics.allows(token.role) else {
                    throw AdminError.forbidden(.readMetrics, role: token.role)
                }
                return Self.metricsResponse(exposition())
            } catch {
                return self.respond(to: error, request: request, caller: caller)
            }
        })
    }

    private static func metricsResponse(_ text: String) -> HTTPServerResponse {
        HTTPServerResponse(status: 200, headers: ["Content-Type": "text/plain; version=0.0.4"], body: Array(text.utf8))
    }
}
