import LedgerportSDK
import LedgerportStore

/// The result of a batch of deliveries: one report per claim, and the target records the batch wrote or found missing.
struct DeliveryBatchOutcome: Sendable {
    /// One report per claim, in the order of the claims.
    var reports: [DeliveryAttemptReport]
    /// The deliveries retried because a target record did not exist yet, with that record.
    var waiting: [(delivery: DeliveryID, reference: TargetReference)] = []
    /// The target records the batch's delivered deliveries wrote.
    var written: [TargetReference] = []
}
