import Dispatch
import Foundation
import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK
import Testing

/// Many requests at once through suspend and resume: every response reaches the request it belongs to.
///
/// Each test captures the server's log, and a failure shows the lines about
/// responses that could not be queued. That separates a server fault from a
/// slow host when a run fails once in many.
@Suite struct HTTPServerConcurrencyTests {
    private static let requestCount = 300

    private let capture = CapturingLogHandler()

    private var logger: Logger {
        Logger(label: "http", logLevel: .debug, handler: capture)
    }

    /// The captured lines about failures: warnings, errors and responses that libmicrohttpd did not queue.
    private var serverProblems: String {
        let lines = capture.records.filter { $0.level >= .warning || $0.message == "failed to queue response" }
        return lines.isEmpty ? "no server log line about a failure" : lines.map { "\($0.message) \($0.metadata)" }.joined(separator: "; ")
    }

    /// Sends `requestCount` POSTs, each with its own id in a header and in the body, and returns the mismatches and failed requests.
    private func sendTagged(to server: HTTPServer, threads: Int = 8) async throws -> [String] {
        let transport = CurlHTTPTransport(threadCount: threads)
        let url = Loopback.url(server, "/ingest")
        return try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<Self.requestCount {
                group.addTask {
                    let id = "req-\(index)"
                    let response: HTTPResponse
                    do {
                        response = try await transport.send(
                            HTTPRequest(method: "POST", url: url, headers: ["X-Request-Id": id], body: Array("body of \(id)".utf8))
                        )
                    } catch {
                        return "\(id): \(error)"
                    }
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
        let server = try Loopback.startServer(logger: logger, handler: .async { request in
            // Yield so that responses complete in a different order from arrival.
            await Task.yield()
            return try await Loopback.echo.asyncHandler(request)
        })

        let mismatches = try await sendTagged(to: server)
        await server.stop()

        #expect(mismatches == [], "\(serverProblems)")
    }

    @Test func immediateHandler_answersFromOtherThreads() async throws {
        let writer = DispatchQueue(label: "test.group-commit", attributes: .concurrent)
        let server = try Loopback.startServer(logger: logger, handler: .immediate { request, responder in
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

        #expect(mismatches == [], "\(serverProblems)")
    }

    @Test func immediateHandler_batchedLikeGroupCommit() async throws {
        let batcher = ResponseBatcher()
        let server = try Loopback.startServer(logger: logger, handler: .immediate { request, responder in
            let id = request.headers["X-Request-Id"] ?? ""
            batcher.enqueue(responder, HTTPServerResponse(status: 200, headers: ["X-Request-Id": id], body: request.body))
        })

        let mismatches = try await sendTagged(to: server)
        await server.stop()
        batcher.stop()

        #expect(mismatches == [], "\(serverProblems)")
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
