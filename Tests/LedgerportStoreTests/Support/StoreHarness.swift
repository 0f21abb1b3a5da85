import Foundation
import LedgerportSDK
import LedgerportStore

/// A store under test plus the few implementation-specific handles the conformance suite needs.
///
/// The conformance suite talks to ``store`` only through the ``Store``
/// protocol. The handles do what no store method may do (pause the writer,
/// change a stored audit row behind the store's back), so each
/// implementation supplies them from its own side.
struct StoreHarness: Sendable {
    let store: any Store
    let clock: ManualClock
    /// Holds queued writes, so a test can queue several and watch them commit together.
    let pauseWrites: @Sendable () -> Void
    /// Lets held writes run.
    let resumeWrites: @Sendable () -> Void
    /// The number of writes waiting to be committed.
    let queuedWriteCount: @Sendable () -> Int
    /// Changes the details of a stored audit entry, bypassing the append-only guard.
    let tamperWithAuditEntry: @Sendable (AuditScope, Int64) async throws -> Void
    /// Removes a stored audit entry, bypassing the append-only guard.
    let deleteAuditEntry: @Sendable (AuditScope, Int64) async throws -> Void
    /// Closes the store and removes its files.
    let tearDown: @Sendable () async -> Void

    /// Waits until `count` writes are queued behind ``pauseWrites``; polls, asserting no timing.
    func waitForQueuedWrites(_ count: Int) async throws {
        while queuedWriteCount() < count {
            try await Task.sleep(nanoseconds: 1_000_000)
        }
    }
}

/// Makes fresh, empty stores of one implementation.
struct StoreFactory: Sendable, CustomStringConvertible {
    let description: String
    let make: @Sendable (ManualClock) async throws -> StoreHarness

    /// Every implementation the conformance suite runs against.
    static let all: [StoreFactory] = [.sqlite]

    /// Runs `body` with a fresh store and tears it down afterwards, also when `body` throws.
    func withHarness(_ body: (StoreHarness) async throws -> Void) async throws {
        let harness = try await make(ManualClock(Date(timeIntervalSince1970: 1_767_225_600)))
        do {
            try await body(harness)
        } catch {
            await harness.tearDown()
            throw error
        }
        await harness.tearDown()
    }

    /// Runs `body` with a fresh store; a shorthand for tests that need no harness handle.
    func withStore(_ body: (any Store, ManualClock) async throws -> Void) async throws {
        try await withHarness { try await body($0.store, $0.clock) }
    }
}
