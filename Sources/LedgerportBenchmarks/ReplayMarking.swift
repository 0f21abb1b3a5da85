import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// Replays every parked dead letter of a tenant as an operator does: bulk replays of up to 500 selected by a filter.
///
/// Each round asks the runtime's dead-letter service, which the admin API's
/// `POST /tenants/{tenant}/dead-letters/replay` and the `ledgerport
/// dead-letter replay` command use too, for the ids of up to 500 parked
/// letters, then replays them. Rounds go on until none is parked.
struct ReplayMarking {
    /// The result of one bulk replay.
    struct Outcome {
        /// Dead letters put back in the delivery queue.
        var replayed: Int
        /// Replays that failed.
        var failed: Int
        /// The time from the first selection to the last replay committed, in seconds.
        var seconds: Double
    }

    /// The runtime's dead-letter service, as the admin API uses it.
    let service: DeadLetterService
    /// The tenant whose dead letters are replayed.
    let tenant: TenantID
    /// Dead letters per bulk replay, the admin API's maximum.
    var batch = 500

    /// Replays every parked dead letter, `batch` at a time.
    func replayAll() async throws -> Outcome {
        let start = ProcessResources.monotonicNanoseconds()
        var outcome = Outcome(replayed: 0, failed: 0, seconds: 0)
        while true {
            let ids = try await service.parkedIDs(matching: DeadLetterFilter(), limit: batch, tenant: tenant)
            guard !ids.isEmpty else {
                break
            }
            let results = await service.replay(ids, mappingVersion: nil, tenant: tenant, actor: "bench-operator")
            let replayed = results.filter { if case .replayed = $0.result { true } else { false } }.count
            outcome.replayed += replayed
            outcome.failed += results.count - replayed
            guard replayed > 0 else {
                // Every replay of the round failed, so the same letters would be selected again.
                break
            }
        }
        outcome.seconds = Double(ProcessResources.monotonicNanoseconds() - start) / 1e9
        return outcome
    }
}
