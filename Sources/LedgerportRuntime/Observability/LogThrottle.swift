import Foundation

/// Decides which of many repeated log lines to write: the first per key and interval, with a count of the rest.
///
/// A sender or a script that repeats a rejected request thousands of times a
/// minute would otherwise fill the log with one line per request. Thread-safe.
final class LogThrottle<Key: Hashable & Sendable>: @unchecked Sendable {
    let intervalSeconds: Double
    /// Beyond this many keys, keys idle for longer than the interval are forgotten with their counts.
    let keyLimit: Int
    private let lock = NSLock()
    private var lastWritten: [Key: Date] = [:]
    private var leftOut: [Key: Int] = [:]

    init(intervalSeconds: Double = 10, keyLimit: Int = 4096) {
        self.intervalSeconds = intervalSeconds
        self.keyLimit = keyLimit
    }

    /// Returns nil when a line for `key` was written less than the interval before `now`, and counts this one as left out.
    /// Otherwise returns how many lines for `key` were left out since the last one written, and records `now`.
    func admit(_ key: Key, at now: Date) -> Int? {
        lock.withLock {
            if let last = lastWritten[key], now.timeIntervalSince(last) < intervalSeconds {
                leftOut[key, default: 0] += 1
                return nil
            }
            if lastWritten[key] == nil, lastWritten.count >= keyLimit {
                forgetIdleKeys(at: now)
            }
            lastWritten[key] = now
            return leftOut.removeValue(forKey: key) ?? 0
        }
    }

    /// The number of keys held; for tests.
    var keyCount: Int {
        lock.withLock { lastWritten.count }
    }

    private func forgetIdleKeys(at now: Date) {
        let idle = lastWritten.filter { now.timeIntervalSince($0.value) >= intervalSeconds }.map(\.key)
        for key in idle {
            lastWritten.removeValue(forKey: key)
            leftOut.removeValue(forKey: key)
        }
    }
}
