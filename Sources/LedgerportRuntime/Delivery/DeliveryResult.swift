import LedgerportSDK
import LedgerportStore

/// What one successful delivery attempt did, before it is recorded.
struct DeliveryResult: Sendable {
    /// The operations the target applied, with their results, in order.
    var applied: [OperationResult] = []
    /// The canonical events skipped because a newer state of their object was already applied.
    var skippedStale: [String] = []
    /// The object versions to record as applied.
    var appliedVersions: [AppliedObjectVersion] = []
}
