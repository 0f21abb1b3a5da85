import Foundation
import LedgerportSDK
import LedgerportStore

/// Replays every parked dead letter of a tenant, page by page, as a bulk replay by an operator does.
struct ReplayMarking {
    /// What the replay did.
    struct Outcome {
        /// Dead letters put back in the delivery queue.
        var replayed: Int
        /// The time from the first page read to the last replay committed, in seconds.
        var seconds: Double
    }

    let store: any Store
    let tenant: TenantID
    let clock: any WallClock
    /// Replays in flight at once; concurrent replays share the store's commits.
    var concurrency = 64

    /// Reads the parked dead letters 500 at a time and replays each under its pinned mapping version, due now.
    func replayAll() async throws -> Outcome {
        let start = ProcessResources.monotonicNanoseconds()
        var replayed = 0
        var after: DeadLetterID?
        while true {
            let page = try await store.deadLetters(tenant: tenant, filter: DeadLetterFilter(status: .parked), after: after, limit: 500)
            guard let last = page.last else {
                break
            }
            after = last.id
            for start in stride(from: 0, to: page.count, by: concurrency) {
                try await replay(page[start..<min(start + concurrency, page.count)])
            }
            replayed += page.count
        }
        return Outcome(replayed: replayed, seconds: Double(ProcessResources.monotonicNanoseconds() - start) / 1e9)
    }

    private func replay(_ letters: ArraySlice<DeadLetter>) async throws {
        let now = clock.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for letter in letters {
                group.addTask { [store, tenant] in
                    _ = try await store.replayDeadLetter(letter.id, notBefore: now, mapping: nil, tenant: tenant, actor: "bench-operator")
                }
            }
            try await group.waitForAll()
        }
    }
}
