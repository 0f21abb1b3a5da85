import Foundation

/// Counts callers between ``enter()`` and ``leave()`` and remembers the highest count seen.
final class InFlightTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var highest = 0

    var maximum: Int {
        lock.withLock { highest }
    }

    func enter() {
        lock.withLock {
            current += 1
            highest = max(highest, current)
        }
    }

    func leave() {
        lock.withLock { current -= 1 }
    }
}
