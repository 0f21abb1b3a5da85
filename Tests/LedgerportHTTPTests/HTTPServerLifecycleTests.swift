import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportSDK
import Testing

/// Starting, stopping and failing to start.
@Suite struct HTTPServerLifecycleTests {
    @Test func idleServer_stops() async throws {
        let server = try Loopback.startServer(handler: Loopback.echo)
        let port = try #require(server.port)

        await server.stop()
        await server.stop()

        #expect(port != 0)
        #expect(server.port == nil)
    }

    @Test func ipv6Loopback_servesRequests() async throws {
        let server = try Loopback.startServer(HTTPServerConfiguration(host: "::1"), handler: Loopback.echo)
        let port = try #require(server.port)
        let transport = CurlHTTPTransport(threadCount: 1)

        let response = try await transport.send(HTTPRequest(method: "POST", url: "http://[::1]:\(port)/v6", body: [42]))
        await server.stop()

        #expect(response.status == 200)
        #expect(response.body == [42])
    }

    @Test func ipv6Client_remoteAddressIsText() async throws {
        let seen = Locked<String?>(nil)
        let server = try Loopback.startServer(HTTPServerConfiguration(host: "::1"), handler: .async { request in
            seen.withLock { $0 = request.remoteAddress }
            return HTTPServerResponse(status: 204)
        })
        let port = try #require(server.port)
        let transport = CurlHTTPTransport(threadCount: 1)

        let response = try await transport.send(HTTPRequest(method: "GET", url: "http://[::1]:\(port)/who"))
        await server.stop()

        #expect(response.status == 204)
        #expect(seen.withLock { $0 } == "::1")
    }

    @Test func requestInFlightAtDeadline_gets503() async throws {
        let gate = Gate()
        let configuration = HTTPServerConfiguration(stopDeadlineSeconds: 0.2)
        let server = try Loopback.startServer(configuration, handler: .async { _ in
            await gate.wait()
            return HTTPServerResponse(status: 200)
        })
        let transport = CurlHTTPTransport(threadCount: 1)
        let url = Loopback.url(server, "/hooks")

        let pending = Task { try await transport.send(HTTPRequest(method: "POST", url: url, body: [1])) }
        while gate.arrivals == 0 {
            await Task.yield()
        }
        await server.stop()
        gate.open()
        let response = try await pending.value

        #expect(response.status == 503)
        #expect(try JSONParser.parse(response.body)["error"]?["code"] == "service_unavailable")
    }

    @Test func requestInFlightBeforeDeadline_completes() async throws {
        let gate = Gate()
        let server = try Loopback.startServer(handler: .async { _ in
            await gate.wait()
            return .text("finished")
        })
        let transport = CurlHTTPTransport(threadCount: 1)
        let url = Loopback.url(server, "/hooks")

        let pending = Task { try await transport.send(HTTPRequest(method: "POST", url: url, body: [1])) }
        while gate.arrivals == 0 {
            await Task.yield()
        }
        let stopping = Task { await server.stop() }
        gate.open()
        let response = try await pending.value
        await stopping.value

        #expect(response.status == 200)
        #expect(response.bodyText == "finished")
    }

    @Test func hostName_isRejected() throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "localhost"), logger: .disabled, handler: Loopback.echo)

        #expect(throws: HTTPServerError.invalidHost("localhost")) {
            try server.start()
        }
    }

    @Test func portInUse_failsToStart() async throws {
        let first = try Loopback.startServer(handler: Loopback.echo)
        let port = try #require(first.port)
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: port), logger: .disabled, handler: Loopback.echo)

        let error = #expect(throws: HTTPServerError.self) {
            try second.start()
        }
        await first.stop()

        #expect(error == .startFailed(address: "127.0.0.1 port \(port)", detail: "Address already in use"))
    }

    @Test func secondStart_isRejected() async throws {
        let server = try Loopback.startServer(handler: Loopback.echo)

        #expect(throws: HTTPServerError.notStartable(state: "already running")) {
            try server.start()
        }
        await server.stop()
    }
}
