import LedgerportSDK

/// Isolates the records that make a whole-batch call fail, so the good records still go through.
///
/// Odoo runs a call in one transaction: `create` with a list and `load` with
/// many rows are all or nothing. When the call fails with a business error
/// (one record's data), the batch is split in halves and each half tried
/// again, down to single operations, which then carry the error. Other
/// failures (transient, configuration, system) concern the whole call and
/// are returned for every operation without splitting. A batch of n
/// operations with one bad record costs about 2·log2(n) extra calls.
enum Bisection {
    static func run(
        _ operations: [TargetOperation],
        attempt: ([TargetOperation]) async throws(ConnectorError) -> [OperationOutcome]
    ) async -> [OperationOutcome] {
        guard !operations.isEmpty else { return [] }
        do {
            let outcomes = try await attempt(operations)
            precondition(outcomes.count == operations.count, "a batch attempt returns one outcome per operation")
            return outcomes
        } catch {
            guard error.failureClass == .business, operations.count > 1 else {
                return operations.map { _ in .failure(error) }
            }
            let middle = operations.count / 2
            let first = await run(Array(operations[..<middle]), attempt: attempt)
            let second = await run(Array(operations[middle...]), attempt: attempt)
            return first + second
        }
    }
}
