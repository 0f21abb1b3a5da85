import Foundation
import LedgerportSDK

/// Applies the operations of several deliveries to one target connection, sharing the target's calls between deliveries.
///
/// Each delivery's operations are first planned alone, into the batches the
/// target would make for that delivery (its segments). Wave k takes the k-th
/// segment of every delivery still running. The target plans the wave's
/// operations together, so that operations of different deliveries share a
/// call, and the batches are applied in order, each within the connection's
/// request budget and concurrency limit. A delivery with a failed operation
/// stops there: its later segments are not applied and the failure is its
/// result. So each delivery's operations are applied in their order, and a
/// segment only after the earlier segments succeeded, as when the delivery
/// ran alone. Deliveries in one wave have different ordering keys, because
/// the store claims one delivery per key at a time.
///
/// The target's batch planner keeps operations in order and never puts two
/// operations on one record in one batch, which is what makes sharing calls
/// safe (see `TargetConnector.plan`).
struct TargetWaves {
    let target: any TargetConnector
    let limiter: TargetLimits.Limiter
    let clock: any WallClock
    /// Called once for every batch sent, after its request budget was granted.
    var onRequest: @Sendable () -> Void = {}

    /// The operations of one delivery.
    typealias Operations = [TargetOperation]

    /// Applies `operations[i]` for delivery i; returns for each delivery its results in order, or the first error it met.
    func apply(_ operations: [Operations]) async -> [Result<[OperationResult], ConnectorError>] {
        var segments = [[OperationBatch]]()
        var results = [Result<[OperationResult], ConnectorError>]()
        for delivery in operations {
            do {
                segments.append(try target.plan(delivery))
                results.append(.success([]))
            } catch {
                segments.append([])
                results.append(.failure(error))
            }
        }

        var wave = 0
        while true {
            let (waveOperations, owners) = Self.wave(wave, of: segments, results: results)
            guard !waveOperations.isEmpty else {
                return results
            }
            await applyWave(waveOperations, owners: owners, into: &results)
            wave += 1
        }
    }

    /// Returns the operations of the `index`-th segment of every delivery that has not failed, and the delivery each belongs to.
    private static func wave(
        _ index: Int, of segments: [[OperationBatch]], results: [Result<[OperationResult], ConnectorError>]
    ) -> (operations: [TargetOperation], owners: [Int]) {
        var operations = [TargetOperation]()
        var owners = [Int]()
        for (delivery, batches) in segments.enumerated() where index < batches.count {
            guard case .success = results[delivery] else { continue }
            operations += batches[index].operations
            owners += Array(repeating: delivery, count: batches[index].operations.count)
        }
        return (operations, owners)
    }

    /// Plans one wave's operations together, applies the batches in order and files each outcome under its delivery.
    private func applyWave(_ operations: [TargetOperation], owners: [Int], into results: inout [Result<[OperationResult], ConnectorError>]) async {
        let batches: [OperationBatch]
        do {
            batches = try target.plan(operations)
        } catch {
            // Each segment was planned alone already, so this is a planner that rejects a combination; fail the wave's deliveries.
            for owner in Set(owners) { results[owner] = .failure(error) }
            return
        }
        guard batches.reduce(0, { $0 + $1.operations.count }) == operations.count else {
            let error = ConnectorError.system("batch_plan_mismatch", "plan \(operations.count) operations: the target's planner returned a different number of operations")
            for owner in Set(owners) { results[owner] = .failure(error) }
            return
        }

        var position = 0
        for batch in batches {
            let batchOwners = owners[position..<(position + batch.operations.count)]
            position += batch.operations.count
            let outcomes = await applyWithinLimits(batch)
            guard outcomes.count == batch.operations.count else {
                let error = ConnectorError.system("batch_outcome_mismatch", "apply \(batch.operations.count) operations: the target returned \(outcomes.count) outcomes")
                for owner in Set(batchOwners) { results[owner] = .failure(error) }
                continue
            }
            for (owner, outcome) in zip(batchOwners, outcomes) {
                file(outcome, for: owner, into: &results)
            }
        }
    }

    /// Waits for the connection's request budget and a concurrency slot, then applies `batch`.
    private func applyWithinLimits(_ batch: OperationBatch) async -> [OperationOutcome] {
        let wait = limiter.bucket.reserve(at: clock.now())
        if wait > 0 {
            do {
                try await clock.sleep(seconds: wait)
            } catch {
                return batch.operations.map { _ in .failure(ConnectorError.transient("cancelled", "the delivery was interrupted by shutdown")) }
            }
        }
        onRequest()
        return await limiter.concurrency.withSlot { await target.apply(batch) }
    }

    /// Adds a successful result to its delivery's results, or records the delivery's first failure.
    private func file(_ outcome: OperationOutcome, for owner: Int, into results: inout [Result<[OperationResult], ConnectorError>]) {
        guard case .success(var applied) = results[owner] else {
            return
        }
        switch outcome {
        case .success(let result):
            applied.append(result)
            results[owner] = .success(applied)
        case .failure(let error):
            results[owner] = .failure(error)
        }
    }
}
