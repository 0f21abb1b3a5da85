import Dispatch
import Foundation
import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportSDK
import Testing

/// Many requests at once through suspend and resume: every response reaches the request it belongs to.
@Suite struct HTTPServerConcurrencyTests {
    private static let requestCount = 300

    /// Sends `requestCount` POSTs, each with its own id in a header and in the body, and returns the mismatches.
    private func sendTagged(to server: HTTPServer, threads: Int = 8) async throws -> [String] {
        let transport = CurlHTTPTransport(threadCount: threads)
        let url = Loopback.url(server, "/ingest")
        return try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<Self.requestCount {
                group.addTask {
                    let id = "req-\(index)"
                    let response = try await transport.send(
                        HTTPRequest(method: "POST", url: url, headers: ["X-Request-Id": id], body: Array("body of \(id)".utf8))
                    )
                    let matches = response.status == 200 && response.headers["X-Request-Id"] == id
                        && response.bodyText == "body of \(id)"
                    return matches ? nil : "\(id): status \(response.status), id \(response.headers["X-Request-Id"] ?? "none")"
                }
            }
            return try await group.reduce(into: [String]()) { mismatches, mismatch in
                if let mismatch {
                    mismatches.append(mismatch)
                }
            }
        }
    }

    @Test func asyncHandler_answersEveryRequestOnce() async throws {
        let server = try Loopback.startServer(handler: .async { request in
            // Yield so that responses complete in a different order from arrival.
            await Task.yield()
            return try await Loopback.echo.asyncHandler(request)
        })

        let mismatches = try await sendTagged(to: server)
        await server.stop()

        #expect(mismatches == [])
    }

    @Test func immediateHandler_answersFromOtherThreads() async throws {
        let writer = DispatchQueue(label: "test.group-commit", attributes: .concurrent)
        let server = try Loopback.startServer(handler: .immediate { request, responder in
            let id = request.headers["X-Request-Id"] ?? ""
            let response = HTTPServerResponse(status: 200, headers: ["X-Request-Id": id], body: request.body)
            // Ids ending in 0, 3 or 6 get their response before the handler returns, the rest later from another thread.
            if id.hasSuffix("0") || id.hasSuffix("3") || id.hasSuffix("6") {
                responder.respond(response)
            } else {
                writer.async { responder.respond(response) }
            }
        })

        let mismatches = try await sendTagged(to: server)
        await server.stop()

        #expect(mismatches == [])
    }

    @Test func immediateHandler_batchedLikeGroupCommit() async throws {
        let batcher = ResponseBatcher()
        let server = try Loopback.startServer(handler: .immediate { request, responder in
            let id = request.headers["X-Request-Id"] ?? ""
            batcher.enqueue(responder, HTTPServerResponse(status: 200, headers: ["X-Request-Id": id], body: request.body))
        })

        let mismatches = try await sendTagged(to: server)
        await server.stop()
        batcher.stop()

        #expect(mismatches == [])
        #expect(batcher.batches > 0)
    }
}

extension HTTPServerHandler {
    /// The closure of an ``HTTPServerHandler/async(_:)`` handler, for tests that wrap one.
    var asyncHandler: @Sendable (HTTPServerRequest) async throws -> HTTPServerResponse {
        guard case .async(let handle) = self else {
            preconditionFailure("not an async handler")
        }
        return handle
    }
}
