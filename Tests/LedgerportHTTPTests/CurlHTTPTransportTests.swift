import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportHTTPClient

/// The libcurl transport against a scripted loopback peer that sends exact bytes.
@Suite struct CurlHTTPTransportTests {
    private func url(_ server: ScriptedSocketServer, _ path: String = "/") -> String {
        "http://127.0.0.1:\(server.port)\(path)"
    }

    @Test func post_sendsBodyAndHeadersWithoutExpect() async throws {
        let server = try ScriptedSocketServer { _ in
            .init("HTTP/1.1 201 Created\r\nX-B: 2\r\nX-A: 1\r\nX-B: 3\r\nContent-Length: 4\r\n\r\ndone")
        }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 1)
        let body = Array(#"{"jsonrpc":"2.0"}"#.utf8)

        let response = try await transport.send(
            HTTPRequest(method: "POST", url: url(server, "/jsonrpc"), headers: ["Content-Type": "application/json", "X-Empty": ""], body: body)
        )

        #expect(response.status == 201)
        #expect(response.bodyText == "done")
        #expect(response.headers.fields.map(\.name) == ["X-B", "X-A", "X-B", "Content-Length"])
        #expect(response.headers.values(for: "x-b") == ["2", "3"])
        let received = try #require(server.requests.first)
        #expect(received.head.hasPrefix("POST /jsonrpc HTTP/1.1\r\n"))
        #expect(received.head.contains("Content-Type: application/json\r\n"))
        #expect(received.head.contains("X-Empty:\r\n"))
        #expect(!received.head.lowercased().contains("expect:"))
        #expect(received.body == body)
    }

    @Test func interimContinue_keepsFinalHeaderBlock() async throws {
        let server = try ScriptedSocketServer { _ in
            .init("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\nHTTP/1.1 200 OK\r\nX-Final: yes\r\nContent-Length: 2\r\n\r\nok")
        }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 1)

        let response = try await transport.send(HTTPRequest(method: "POST", url: url(server), body: [1, 2, 3]))

        #expect(response.status == 200)
        #expect(response.headers["X-Final"] == "yes")
        #expect(response.headers["X-Interim"] == nil)
        #expect(response.bodyText == "ok")
    }

    @Test func redirect_isReturnedUnlessFollowing() async throws {
        let server = try ScriptedSocketServer { request in
            if request.head.hasPrefix("GET /start ") {
                return .init("HTTP/1.1 302 Found\r\nLocation: /next\r\nX-First: yes\r\nContent-Length: 0\r\n\r\n")
            }
            return .init("HTTP/1.1 200 OK\r\nX-Second: yes\r\nContent-Length: 4\r\n\r\nnext")
        }
        defer { server.stop() }

        let plain = try await CurlHTTPTransport(threadCount: 1).send(HTTPRequest(method: "GET", url: url(server, "/start")))
        let following = CurlHTTPTransport(threadCount: 1, configuration: CurlTransportConfiguration(followsRedirects: true))
        let followed = try await following.send(HTTPRequest(method: "GET", url: url(server, "/start")))

        #expect(plain.status == 302)
        #expect(plain.headers["Location"] == "/next")
        #expect(followed.status == 200)
        #expect(followed.bodyText == "next")
        #expect(followed.headers["X-Second"] == "yes")
        #expect(followed.headers["X-First"] == nil)
    }

    @Test func connectionClose_opensNewConnectionPerRequest() async throws {
        let server = try ScriptedSocketServer { _ in
            .init("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", closesConnection: true)
        }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 1)

        for _ in 0..<3 {
            let response = try await transport.send(HTTPRequest(method: "POST", url: url(server), body: [1]))
            #expect(response.bodyText == "ok")
        }

        #expect(server.acceptedConnections == 3)
    }

    @Test func keepAlive_reusesConnection() async throws {
        let server = try ScriptedSocketServer { _ in
            .init("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 1)

        for _ in 0..<3 {
            let response = try await transport.send(HTTPRequest(method: "GET", url: url(server)))
            #expect(response.bodyText == "ok")
        }

        #expect(server.acceptedConnections == 1)
    }

    @Test func closedPort_throwsConnectionRefused() async throws {
        let port = try ScriptedSocketServer.unusedLoopbackPort()
        let transport = CurlHTTPTransport(threadCount: 1)
        let target = "http://127.0.0.1:\(port)/jsonrpc"

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: target))
        }

        #expect(error == .connectionRefused(url: target))
    }

    @Test func silentPeer_throwsTimedOutWithTotalTimeout() async throws {
        let server = try ScriptedSocketServer { _ in nil }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 1)

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: url(server, "/slow"), totalTimeoutSeconds: 0.3))
        }

        #expect(error == .timedOut(url: url(server, "/slow"), seconds: 0.3))
    }

    @Test func cancelledTask_abortsTransfer() async throws {
        let server = try ScriptedSocketServer { _ in nil }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 1)
        let target = url(server, "/never")

        let task = Task {
            try await transport.send(HTTPRequest(method: "GET", url: target, totalTimeoutSeconds: 120))
        }
        while server.requests.isEmpty {
            await Task.yield()
        }
        task.cancel()
        let result = await task.result

        #expect(throws: HTTPTransportError.connectionFailed(url: target, detail: "request cancelled")) {
            try result.get()
        }
    }

    @Test func oversizedResponse_throwsConnectionFailed() async throws {
        let body = String(repeating: "x", count: 5000)
        let server = try ScriptedSocketServer { _ in
            .init("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n\(body)")
        }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 1, configuration: CurlTransportConfiguration(maximumResponseBodyBytes: 1000))

        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: url(server)))
        }

        #expect(error == .connectionFailed(url: url(server), detail: "response body larger than 1000 bytes"))
    }

    @Test func invalidRequests_throwInvalidRequest() async throws {
        let transport = CurlHTTPTransport(threadCount: 1)
        let cases: [(HTTPRequest, String)] = [
            (HTTPRequest(method: "GET", url: "ftp://127.0.0.1/file"), "the URL must start with http:// or https://"),
            (HTTPRequest(method: "GE T", url: "http://127.0.0.1/"), "method \"GE T\" is not a valid HTTP method token"),
            (
                HTTPRequest(method: "GET", url: "http://127.0.0.1/", headers: ["X-Bad": "a\r\nInjected: 1"]),
                "the value of header \"X-Bad\" contains a line break or NUL byte"
            ),
            (HTTPRequest(method: "GET", url: "http://127.0.0.1/", totalTimeoutSeconds: 0), "timeouts must be positive numbers of seconds"),
        ]

        for (request, detail) in cases {
            await #expect(throws: HTTPTransportError.invalidRequest(url: URLForMessages.display(request.url), detail: detail)) {
                try await transport.send(request)
            }
        }
    }

    @Test func concurrencyLimit_capsTransfersInFlight() async throws {
        let tracker = InFlightTracker()
        let server = try ScriptedSocketServer { _ in
            tracker.enter()
            Thread.sleep(forTimeInterval: 0.02)
            tracker.leave()
            return .init("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        }
        defer { server.stop() }
        let transport = CurlHTTPTransport(threadCount: 4, configuration: CurlTransportConfiguration(maximumConcurrentTransfers: 2))
        let target = url(server)

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask { try await transport.send(HTTPRequest(method: "GET", url: target)).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(statuses == Array(repeating: 200, count: 12))
        #expect(tracker.maximum <= 2)
    }
}
