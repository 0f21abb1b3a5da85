import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportSDK
import Testing

/// Routing and the JSON error bodies.
@Suite struct HTTPServerErrorResponseTests {
    private func makeRouter() -> HTTPRouter {
        var router = HTTPRouter()
        router.add("POST", "/webhooks/{tenant}/{environment}/{connection}") { request in
            .json([
                "tenant": .string(request.pathParameters["tenant"] ?? ""),
                "environment": .string(request.pathParameters["environment"] ?? ""),
                "connection": .string(request.pathParameters["connection"] ?? ""),
            ])
        }
        router.add("GET", "/healthz", .immediate { _, responder in responder.respond(.text("ok")) })
        router.add("GET", "/fail") { _ in throw CancellationError() }
        router.add("GET", "/forgotten", .immediate { _, _ in })
        return router
    }

    private func send(_ method: String, _ path: String, to server: HTTPServer) async throws -> HTTPResponse {
        try await CurlHTTPTransport(threadCount: 1).send(HTTPRequest(method: method, url: Loopback.url(server, path), body: method == "POST" ? [1] : []))
    }

    @Test func route_capturesDecodedParameters() async throws {
        let server = HTTPServer(logger: .disabled, router: makeRouter())
        try server.start()

        let response = try await send("POST", "/webhooks/acme%2Fco/test/stripe-1", to: server)
        await server.stop()

        let body = try JSONParser.parse(response.body)
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(body["tenant"] == "acme/co")
        #expect(body["environment"] == "test")
        #expect(body["connection"] == "stripe-1")
    }

    @Test func errors_haveJSONBodies() async throws {
        let server = HTTPServer(logger: .disabled, router: makeRouter())
        try server.start()

        let health = try await send("GET", "/healthz", to: server)
        let missing = try await send("GET", "/webhooks/acme", to: server)
        let wrongMethod = try await send("GET", "/webhooks/acme/test/stripe-1", to: server)
        let failing = try await send("GET", "/fail", to: server)
        let forgotten = try await send("GET", "/forgotten", to: server)
        await server.stop()

        #expect(health.bodyText == "ok")
        #expect(missing.status == 404)
        #expect(try JSONParser.parse(missing.body) == [
            "error": [
                "code": "not_found", "status": 404,
                "message": "no endpoint at path \"/webhooks/acme\"; the nearest paths served are /webhooks/{tenant}/{environment}/{connection}",
            ]
        ])
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"] == "POST")
        #expect(try JSONParser.parse(wrongMethod.body)["error"]?["code"] == "method_not_allowed")
        #expect(failing.status == 500)
        #expect(try JSONParser.parse(failing.body)["error"]?["code"] == "internal_error")
        #expect(forgotten.status == 500)
    }

    @Test func unknownPath_namesNearestRoutes() async throws {
        var router = HTTPRouter()
        router.add("GET", "/health", .immediate { _, responder in responder.respond(.text("ok")) })
        router.add("GET", "/admin/tenants/{tenant}/flows") { _ in HTTPServerResponse(status: 200) }
        router.add("POST", "/admin/tenants/{tenant}/flows/{flow}/pause") { _ in HTTPServerResponse(status: 200) }
        router.add("GET", "/admin/tenants/{tenant}/deliveries") { _ in HTTPServerResponse(status: 200) }
        let server = HTTPServer(logger: .disabled, router: router)
        try server.start()

        let widgets = try await send("GET", "/admin/tenants/acme/widgets", to: server)
        let elsewhere = try await send("GET", "/nope", to: server)
        await server.stop()

        #expect(widgets.status == 404)
        #expect(try JSONParser.parse(widgets.body)["error"]?["message"] == """
            no endpoint at path "/admin/tenants/acme/widgets"; the nearest paths served are \
            /admin/tenants/{tenant}/flows, /admin/tenants/{tenant}/flows/{flow}/pause, /admin/tenants/{tenant}/deliveries
            """)
        #expect(elsewhere.status == 404)
        #expect(try JSONParser.parse(elsewhere.body)["error"]?["message"]?.stringValue?.hasSuffix("are /health, /admin/tenants/{tenant}/flows, "
            + "/admin/tenants/{tenant}/flows/{flow}/pause, /admin/tenants/{tenant}/deliveries") == true)
    }

    @Test func badRequest_hasJSONBody() throws {
        let response = HTTPServerResponse.badRequest("field \"id\" is missing")

        #expect(response.status == 400)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(try JSONParser.parse(response.body) == [
            "error": ["code": "bad_request", "message": "field \"id\" is missing", "status": 400]
        ])
    }
}
