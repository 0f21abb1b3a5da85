import Foundation
import LedgerportHTTPServer

/// One writer thread that takes every queued responder and responds to them together, like a group-commit writer.
final class BenchBatcher: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [HTTPResponder] = []

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "bench-writer"
        thread.start()
    }

    func enqueue(_ responder: HTTPResponder) {
        condition.withLock {
            pending.append(responder)
            condition.signal()
        }
    }

    private func run() {
        let response = HTTPServerResponse(status: 200, body: Array("ok".utf8))
        while true {
            condition.lock()
            while pending.isEmpty {
                condition.wait()
            }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            condition.unlock()
            for responder in batch {
                responder.respond(response)
            }
        }
    }
}
