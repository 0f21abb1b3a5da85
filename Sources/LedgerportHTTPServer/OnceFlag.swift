import Foundation

/// A flag that can be set once, thread-safely.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false

    /// Sets the flag and returns `true` on the first call, `false` on every later one.
    func set() -> Bool {
        lock.withLock {
            defer { isSet = true }
            return !isSet
        }
    }
}
