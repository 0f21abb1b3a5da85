import Foundation

/// A flag that a cancelled task sets and a running transfer polls.
///
/// libcurl calls the progress callback whenever data moves and about once a
/// second while a transfer is idle. Once the flag is set, that callback aborts
/// the transfer, so a cancelled request frees its thread within about a second.
final class CurlCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    var isCancelled: Bool {
        lock.withLock { cancelled }
    }

    func cancel() {
        lock.withLock { cancelled = true }
    }
}
