import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM without blocking a thread of the concurrency pool.
enum SignalWaiter {
    /// Returns the name of the signal that arrived first, `SIGINT` or `SIGTERM`.
    @discardableResult
    static func waitForTermination() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let queue = DispatchQueue(label: "ledgerport.signals")
            let resumed = ResumeOnce(continuation)
            var sources: [DispatchSourceSignal] = []
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { resumed.resume(returning: name) }
                source.resume()
                sources.append(source)
            }
            // The sources must live until the process ends; a cancelled source would restore nothing.
            SignalSources.keep(sources)
        }
    }
}

/// Resumes a continuation at most once, whichever signal arrives first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String, Never>?

    init(_ continuation: CheckedContinuation<String, Never>) {
        self.continuation = continuation
    }

    func resume(returning name: String) {
        let pending: CheckedContinuation<String, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(returning: name)
    }
}

/// Holds the signal sources for the life of the process.
private enum SignalSources {
    nonisolated(unsafe) private static var kept: [DispatchSourceSignal] = []
    private static let lock = NSLock()

    static func keep(_ sources: [DispatchSourceSignal]) {
        lock.withLock { kept += sources }
    }
}
