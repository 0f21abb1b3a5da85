import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportRuntime

/// Operations of several deliveries sharing a target's calls, in waves.
///
/// The target here is a recording connector that plans like the Odoo
/// connector (consecutive operations of one model and action join a batch)
/// and fails the operations named in `failing`. The waves rely only on the
/// `TargetConnector` contract, which every connector follows.
@Suite struct TargetWavesTests {
    private func waves(_ target: RecordingTarget) -> TargetWaves {
        TargetWaves(
            target: target, limiter: TargetLimits.Limiter(bucket: TokenBucket(ratePerSecond: 1000, burst: 1000), concurrency: ConcurrencyLimiter(limit: 1)),
            clock: ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        )
    }

    private func partner(_ id: String) -> TargetOperation {
        TargetOperation(action: .upsert, model: "res.partner", externalID: id, values: ["name": .string(id)])
    }

    private func post(_ id: String) -> TargetOperation {
        TargetOperation(action: .post, model: "account.move", externalID: id)
    }

    @Test func deliveries_shareOneCall() async {
        let target = RecordingTarget()

        let results = await waves(target).apply([[partner("a")], [partner("b")], [partner("c")]])

        #expect(target.calls == [["a", "b", "c"]])
        #expect(results.map { (try? $0.get())?.map(\.reference.externalID) } == [["a"], ["b"], ["c"]])
    }

    @Test func laterSegments_waitForEarlierOnes() async {
        let target = RecordingTarget()

        let results = await waves(target).apply([[partner("a1"), post("a2")], [partner("b1"), post("b2")], [partner("c1")]])

        #expect(target.calls == [["a1", "b1", "c1"], ["a2", "b2"]])
        #expect(results.map { (try? $0.get())?.map(\.reference.externalID) } == [["a1", "a2"], ["b1", "b2"], ["c1"]])
    }

    @Test func failedOperation_stopsOnlyItsDelivery() async {
        let target = RecordingTarget(failing: ["b1"])

        let results = await waves(target).apply([[partner("a1"), post("a2")], [partner("b1"), post("b2")]])

        #expect(target.calls == [["a1", "b1"], ["a2"]])
        #expect((try? results[0].get())?.map(\.reference.externalID) == ["a1", "a2"])
        guard case .failure(let error) = results[1] else {
            Issue.record("delivery b did not fail")
            return
        }
        #expect(error.code == "rejected_by_test")
    }

    @Test func unplannableDelivery_failsAlone() async {
        let target = RecordingTarget()
        let unsupported = TargetOperation(action: .upsert, model: "stock.picking", externalID: "x")

        let results = await waves(target).apply([[unsupported], [partner("b")]])

        #expect(target.calls == [["b"]])
        guard case .failure(let error) = results[0] else {
            Issue.record("the unsupported operation did not fail")
            return
        }
        #expect(error.failureClass == .configuration)
        #expect((try? results[1].get())?.count == 1)
    }
}

/// A target that records the external ids of each call and fails the operations named in `failing`.
private final class RecordingTarget: TargetConnector, @unchecked Sendable {
    static let id = "recording"
    static let version = SemanticVersion(major: 1, minor: 0, patch: 0)

    private let lock = NSLock()
    private var recorded: [[String]] = []
    private let failing: Set<String>

    init(failing: Set<String> = []) {
        self.failing = failing
    }

    required init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {
        failing = []
    }

    /// The external ids of every `apply` call, in call order.
    var calls: [[String]] {
        lock.withLock { recorded }
    }

    func checkConnection() async throws(ConnectorError) -> String {
        "recording target"
    }

    func plan(_ operations: [TargetOperation]) throws(ConnectorError) -> [OperationBatch] {
        var batches = [OperationBatch]()
        for operation in operations {
            guard ["res.partner", "account.move"].contains(operation.model) else {
                throw .configuration("unsupported_operation", "plan \(operation.model): not supported by the recording target")
            }
            if let last = batches.last?.operations.last, last.model == operation.model, last.action == operation.action {
                batches[batches.count - 1].operations.append(operation)
            } else {
                batches.append(OperationBatch(operations: [operation]))
            }
        }
        return batches
    }

    func apply(_ batch: OperationBatch) async -> [OperationOutcome] {
        lock.withLock { recorded.append(batch.operations.map(\.externalID)) }
        return batch.operations.map { operation in
            if failing.contains(operation.externalID) {
                return .failure(.business("rejected_by_test", "apply \(operation.externalID): rejected as the test asked"))
            }
            return .success(OperationResult(reference: operation.reference, effect: .created))
        }
    }

    func readState(of reference: TargetReference, fields: [String]) async throws(ConnectorError) -> TargetRecordState? {
        nil
    }
}
