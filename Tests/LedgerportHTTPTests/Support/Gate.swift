import Foundation

/// A one-way gate: tasks wait in ``wait()`` until ``open()`` is called, then pass at once.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var arrived = 0

    /// The number of callers that have reached ``wait()`` so far.
    var arrivals: Int {
        lock.withLock { arrived }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let passNow = lock.withLock {
                arrived += 1
                if isOpen {
                    return true
                }
                waiters.append(continuation)
                return false
            }
            if passNow {
                continuation.resume()
            }
        }
    }

    func open() {
        let waiting = lock.withLock {
            isOpen = true
            defer { waiters.removeAll() }
            return waiters
        }
        for waiter in waiting {
            waiter.resume()
        }
    }
}
