import Foundation
import LedgerportHTTPServer

/// A stand-in for a group-commit writer: one thread takes everything queued and responds to it as one batch.
final class ResponseBatcher: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [(HTTPResponder, HTTPServerResponse)] = []
    private var isStopped = false
    private var batchCount = 0

    init() {
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// The number of batches completed so far.
    var batches: Int {
        condition.withLock { batchCount }
    }

    func enqueue(_ responder: HTTPResponder, _ response: HTTPServerResponse) {
        condition.withLock {
            pending.append((responder, response))
            condition.signal()
        }
    }

    func stop() {
        condition.withLock {
            isStopped = true
            condition.signal()
        }
    }

    private func run() {
        while true {
            condition.lock()
            while pending.isEmpty && !isStopped {
                condition.wait()
            }
            let batch = pending
            pending.removeAll()
            if !batch.isEmpty {
                batchCount += 1
            }
            let finished = isStopped && batch.isEmpty
            condition.unlock()

            guard !finished else {
                return
            }
            for (responder, response) in batch {
                responder.respond(response)
            }
        }
    }
}
