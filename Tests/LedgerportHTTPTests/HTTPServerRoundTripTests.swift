import Foundation
import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportSDK
import Testing

/// Requests from the libcurl client to the libmicrohttpd server over 127.0.0.1.
@Suite struct HTTPServerRoundTripTests {
    @Test func post_deliversRequestPartsToHandler() async throws {
        let seen = Locked<HTTPServerRequest?>(nil)
        let server = try Loopback.startServer(handler: .async { request in
            seen.withLock { $0 = request }
            return HTTPServerResponse(
                status: 201, headers: ["X-Reply": "a", "X-Multi": "1", "X-Multi": "2"], body: Array("created".utf8)
            )
        })
        let transport = CurlHTTPTransport(threadCount: 1)

        let response = try await transport.send(HTTPRequest(
            method: "POST", url: Loopback.url(server, "/hooks/acme%20co?event=invoice.paid&tag=a+b&flag"),
            headers: ["Content-Type": "application/json", "X-Trace": "t-1", "X-Trace": "t-2"], body: Array(#"{"id":"evt_1"}"#.utf8)
        ))
        await server.stop()

        #expect(response.status == 201)
        #expect(response.bodyText == "created")
        #expect(response.headers["X-Reply"] == "a")
        #expect(response.headers.values(for: "X-Multi") == ["1", "2"])
        let request = try #require(seen.withLock { $0 })
        #expect(request.method == "POST")
        #expect(request.path == "/hooks/acme%20co")
        #expect(request.query.map(\.name) == ["event", "tag", "flag"])
        #expect(request.queryValue(named: "tag") == "a b")
        #expect(request.queryValue(named: "flag") == "")
        #expect(request.headers.values(for: "x-trace") == ["t-1", "t-2"])
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.body == Array(#"{"id":"evt_1"}"#.utf8))
        #expect(request.remoteAddress == "127.0.0.1")
    }

    @Test func get_withoutBodyRoundTrips() async throws {
        let server = try Loopback.startServer(handler: Loopback.echo)
        let transport = CurlHTTPTransport(threadCount: 1)

        let response = try await transport.send(HTTPRequest(method: "GET", url: Loopback.url(server, "/health")))
        await server.stop()

        #expect(response.status == 200)
        #expect(response.headers["X-Method"] == "GET")
        #expect(response.body.isEmpty)
    }

    @Test func largeBodies_arriveIntact() async throws {
        let configuration = HTTPServerConfiguration(maximumBodyBytes: 8 * 1024 * 1024)
        let server = try Loopback.startServer(configuration, handler: Loopback.echo)
        let transport = CurlHTTPTransport(threadCount: 1)
        let body = (0..<(5 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }

        let response = try await transport.send(HTTPRequest(method: "PUT", url: Loopback.url(server, "/blob"), body: body))
        await server.stop()

        #expect(response.status == 200)
        #expect(response.headers["X-Method"] == "PUT")
        #expect(response.body.count == body.count)
        #expect(response.body == body)
    }

    @Test func oversizedBody_gets413WithoutHandler() async throws {
        let calls = Locked(0)
        let configuration = HTTPServerConfiguration(maximumBodyBytes: 1024)
        let server = try Loopback.startServer(configuration, handler: .async { _ in
            calls.withLock { $0 += 1 }
            return HTTPServerResponse(status: 200)
        })
        let transport = CurlHTTPTransport(threadCount: 1)

        var statuses: [Int] = []
        var bodies: [JSONValue] = []
        // Bodies that fit in the loopback socket buffers, so the client has sent everything before the 413 arrives.
        for size in [1025, 16 * 1024] {
            let response = try await transport.send(
                HTTPRequest(method: "POST", url: Loopback.url(server, "/hooks"), body: [UInt8](repeating: 7, count: size))
            )
            statuses.append(response.status)
            bodies.append(try JSONParser.parse(response.body))
        }
        let fitting = try await transport.send(HTTPRequest(method: "POST", url: Loopback.url(server, "/hooks"), body: [UInt8](repeating: 7, count: 1024)))
        await server.stop()

        #expect(statuses == [413, 413])
        #expect(bodies.allSatisfy { $0["error"]?["code"] == "payload_too_large" })
        #expect(bodies.first?["error"]?["message"] == "request body exceeds 1024 bytes; send a smaller body")
        #expect(fitting.status == 200)
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func hugeOversizedBody_neverReachesHandler() async throws {
        let calls = Locked(0)
        let server = try Loopback.startServer(HTTPServerConfiguration(maximumBodyBytes: 1024), handler: .async { _ in
            calls.withLock { $0 += 1 }
            return HTTPServerResponse(status: 200)
        })
        let transport = CurlHTTPTransport(threadCount: 1)
        let request = HTTPRequest(method: "POST", url: Loopback.url(server, "/hooks"), body: [UInt8](repeating: 7, count: 8 * 1024 * 1024))

        // The server closes without reading the body, so a client still sending may see the reset before the 413.
        let outcome: Result<HTTPResponse, HTTPTransportError>
        do {
            outcome = .success(try await transport.send(request))
        } catch {
            outcome = .failure(error)
        }
        await server.stop()

        switch outcome {
        case .success(let response):
            #expect(response.status == 413)
        case .failure(let error):
            #expect(error.failureClass == .transient)
        }
        #expect(calls.withLock { $0 } == 0)
    }

    @Test func oversizedChunkedBody_gets413AfterItsEnd() async throws {
        let calls = Locked(0)
        let server = try Loopback.startServer(HTTPServerConfiguration(maximumBodyBytes: 1024), handler: .async { request in
            calls.withLock { $0 += 1 }
            return HTTPServerResponse(status: 200, body: request.body)
        })
        let transport = CurlHTTPTransport(threadCount: 1)
        let url = Loopback.url(server, "/hooks")
        let chunked: HTTPHeaders = ["Transfer-Encoding": "chunked"]

        let fitting = try await transport.send(HTTPRequest(method: "POST", url: url, headers: chunked, body: [UInt8](repeating: 1, count: 1000)))
        let oversized = try await transport.send(HTTPRequest(method: "POST", url: url, headers: chunked, body: [UInt8](repeating: 1, count: 5000)))
        let error = await #expect(throws: HTTPTransportError.self) {
            // Past eight times the limit the server stops reading and closes the connection.
            try await transport.send(HTTPRequest(method: "POST", url: url, headers: chunked, body: [UInt8](repeating: 1, count: 64 * 1024)))
        }
        await server.stop()

        #expect(fitting.status == 200)
        #expect(fitting.body.count == 1000)
        #expect(oversized.status == 413)
        #expect(oversized.bodyText.contains("payload_too_large"), "\(oversized.bodyText)")
        #expect(error?.failureClass == .transient)
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func connectionCloseResponses_handledByClient() async throws {
        let server = try Loopback.startServer(handler: .immediate { request, responder in
            responder.respond(HTTPServerResponse(status: 200, headers: ["Connection": "close"], body: request.body))
        })
        let transport = CurlHTTPTransport(threadCount: 1)

        var bodies: [String] = []
        for index in 0..<5 {
            let response = try await transport.send(
                HTTPRequest(method: "POST", url: Loopback.url(server, "/jsonrpc"), body: Array("call \(index)".utf8))
            )
            #expect(response.headers["Connection"] == "close")
            bodies.append(response.bodyText)
        }
        await server.stop()

        #expect(bodies == (0..<5).map { "call \($0)" })
    }

    @Test func waitingHandler_clientTimesOut() async throws {
        let gate = Gate()
        let server = try Loopback.startServer(handler: .async { _ in
            await gate.wait()
            return HTTPServerResponse(status: 200)
        })
        let transport = CurlHTTPTransport(threadCount: 1)
        let url = Loopback.url(server, "/slow")

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: url, totalTimeoutSeconds: 0.3))
        }
        gate.open()
        await server.stop()

        #expect(error == .timedOut(url: url, seconds: 0.3))
    }

    @Test func stoppedServer_refusesConnections() async throws {
        let server = try Loopback.startServer(handler: Loopback.echo)
        let url = Loopback.url(server, "/")
        let transport = CurlHTTPTransport(threadCount: 1)
        let before = try await transport.send(HTTPRequest(method: "GET", url: url))

        await server.stop()

        #expect(before.status == 200)
        #expect(server.port == nil)
        await #expect(throws: HTTPTransportError.connectionRefused(url: url)) {
            try await transport.send(HTTPRequest(method: "GET", url: url))
        }
    }
}
