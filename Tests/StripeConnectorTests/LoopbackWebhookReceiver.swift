import Foundation
import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK

/// An HTTP server on 127.0.0.1 that records every webhook request it receives and returns 200.
///
/// Its response counts a body it received before as a duplicate, as the runtime's does: `{"duplicates": 1}`.
///
/// It is the project's libmicrohttpd server with one immediate handler, so
/// the tests receive webhooks over real HTTP the way the runtime does.
final class LoopbackWebhookReceiver: @unchecked Sendable {
    private let server: HTTPServer
    private let box: RequestBox

    init() throws {
        let box = RequestBox()
        server = HTTPServer(logger: .disabled, handler: .immediate { request, responder in
            let seen = box.requests.contains { $0.body == request.body }
            box.append(WebhookRequest(method: request.method, path: request.path, headers: request.headers, body: request.body, receivedAt: Date()))
            responder.respond(HTTPServerResponse(
                status: 200, headers: ["Content-Type": "application/json"], body: Array(#"{"duplicates": \#(seen ? 1 : 0)}"#.utf8)))
        })
        self.box = box
        try server.start()
    }

    /// The URL that localstripe and the replay tool post to.
    var url: String { "http://127.0.0.1:\(server.port ?? 0)/stripe/webhook" }

    var requests: [WebhookRequest] { box.requests }

    func stop() async {
        await server.stop()
    }

    /// Waits until at least `count` requests arrived, polling for up to `seconds`.
    func waitForRequests(_ count: Int, seconds: Double = 15) async throws -> [WebhookRequest] {
        for _ in 0..<Int(seconds * 20) {
            let current = requests
            if current.count >= count { return current }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return requests
    }

    /// The recorded requests, appended from libmicrohttpd threads.
    private final class RequestBox: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [WebhookRequest] = []

        var requests: [WebhookRequest] { lock.withLock { values } }

        func append(_ request: WebhookRequest) {
            lock.withLock { values.append(request) }
        }
    }
}
