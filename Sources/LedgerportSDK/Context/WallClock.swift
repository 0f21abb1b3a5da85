import Foundation

/// The source of the current time and of waiting, injected so tests control time.
///
/// Connectors read the time through their context (for example to check a
/// webhook timestamp's tolerance window) and never call `Date()` directly.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Waits for `seconds`, or returns early with `CancellationError` when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// The system clock.
public struct SystemClock: WallClock {
    public init() {}

    public func now() -> Date {
        Date()
    }

    public func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}

/// A clock that stands still until a test advances it; `sleep` advances it at once.
public final class ManualClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recordedSleeps: [Double] = []

    public init(_ start: Date) {
        current = start
    }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves the clock forward by `seconds`.
    public func advance(seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }

    /// Records the requested delay and advances the clock by it, without waiting.
    public func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recordedSleeps.append(seconds)
            current = current.addingTimeInterval(seconds)
        }
    }

    /// Every delay passed to ``sleep(seconds:)`` so far, so tests can assert exact backoff.
    public var sleeps: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recordedSleeps
    }
}
