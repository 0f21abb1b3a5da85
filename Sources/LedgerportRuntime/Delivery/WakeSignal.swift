import Foundation

/// A signal one waiter sleeps on until another task pokes it or a timeout passes.
///
/// A poke that arrives while no task waits is remembered, so the next wait
/// returns at once and no wake-up is lost between two rounds. Thread-safe;
/// meant for one waiting task at a time.
final class WakeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var generation = 0

    /// Wakes the waiter, or the next one when no task waits now.
    func poke() {
        let continuation: CheckedContinuation<Void, Never>? = lock.withLock {
            guard let waiter else {
                pending = true
                return nil
            }
            self.waiter = nil
            return waiter
        }
        continuation?.resume()
    }

    /// Waits until poked or until `seconds` pass, whichever comes first.
    func wait(timeoutSeconds seconds: Double) async {
        let round: Int? = lock.withLock {
            if pending {
                pending = false
                return nil
            }
            generation += 1
            return generation
        }
        guard let round else { return }

        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
            self?.expire(round: round)
        }
        await withCheckedContinuation { continuation in
            let resumeNow: Bool = lock.withLock {
                if pending || generation != round {
                    pending = false
                    return true
                }
                waiter = continuation
                return false
            }
            if resumeNow {
                continuation.resume()
            }
        }
        timer.cancel()
    }

    private func expire(round: Int) {
        let continuation: CheckedContinuation<Void, Never>? = lock.withLock {
            guard generation == round, let waiter else { return nil }
            self.waiter = nil
            return waiter
        }
        continuation?.resume()
    }
}
