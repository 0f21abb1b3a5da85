/// Chooses a handler by method and path pattern.
///
/// Routes are tried in the order added; the first whose method and pattern
/// match wins and its parameters go to ``HTTPServerRequest/pathParameters``.
/// A path that matches some route but not for the request's method gets
/// 405 with an `Allow` field, and a path that matches none gets 404, both
/// with JSON error bodies sent from the libmicrohttpd thread.
///
/// Build the router completely before giving it to an ``HTTPServer``; it is a
/// value, so later changes do not reach a running server.
package struct HTTPRouter: Sendable {
    private struct Route: Sendable {
        var method: String
        var pattern: RoutePattern
        var handler: HTTPServerHandler
    }

    private var routes: [Route] = []

    /// Creates a router without routes, which responds 404 to every request.
    package init() {}

    /// Adds a route for `method` (such as `POST`) and `pattern` (such as `/webhooks/{tenant}`).
    package mutating func add(_ method: String, _ pattern: String, _ handler: HTTPServerHandler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), handler: handler))
    }

    /// Adds a route whose handler runs in a task; see ``HTTPServerHandler/async(_:)``.
    package mutating func add(
        _ method: String, _ pattern: String, handler: @escaping @Sendable (HTTPServerRequest) async throws -> HTTPServerResponse
    ) {
        add(method, pattern, .async(handler))
    }

    /// Returns the handler for `request` and stores the route's parameters in it.
    package func route(_ request: inout HTTPServerRequest) -> HTTPServerHandler {
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.pattern.match(request.path) else {
                continue
            }
            if route.method == request.method {
                request.pathParameters = parameters
                return route.handler
            }
            if !allowed.contains(route.method) {
                allowed.append(route.method)
            }
        }

        let response: HTTPServerResponse =
            allowed.isEmpty
            ? .notFound(path: request.path, nearest: nearestPatterns(to: request.path))
            : .methodNotAllowed(method: request.method, allowed: allowed)
        return .immediate { _, responder in responder.respond(response) }
    }

    /// Returns the patterns that share the most leading segments with `path`, at most five, in the order added.
    ///
    /// A 404 names them, so that a caller who mistyped a path gets the shapes of the paths served there.
    private func nearestPatterns(to path: String) -> [String] {
        let shared = routes.map { $0.pattern.sharedLeadingSegments(with: path) }
        guard let most = shared.max() else {
            return []
        }
        var nearest: [String] = []
        for (route, count) in zip(routes, shared) where count == most && !nearest.contains(route.pattern.text) {
            nearest.append(route.pattern.text)
            if nearest.count == 5 {
                break
            }
        }
        return nearest
    }
}
