import LedgerportSDK
import LedgerportStore

/// The effects of one successful delivery attempt, before they are recorded.
struct DeliveryResult: Sendable {
    /// The operations the target applied, with their results, in order.
    var applied: [OperationResult] = []
    /// The canonical events skipped because a newer state of their object was already applied.
    var staleStates: [DeliveryPlanner.StaleState] = []
    /// The ids of the canonical events in ``staleStates``.
    var skippedStale: [String] {
        staleStates.map(\.eventID)
    }
    /// The object versions to record as applied.
    var appliedVersions: [AppliedObjectVersion] = []
}
