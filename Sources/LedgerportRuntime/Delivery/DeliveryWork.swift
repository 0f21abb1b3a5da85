import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// One claimed delivery as a batch moves it along: its context, its plan, its results, and the error that stopped it.
struct DeliveryWork: Sendable {
    let claim: DeliveryClaim
    /// The delivery's logger, with the tenant, flow, delivery, event and correlation ids once they are known.
    var logger: Logger
    /// The flow, once found; nil when it could not be loaded.
    var flow: Flow?
    /// The error that kept the flow from loading.
    var contextError: (any Error)?
    /// The flow's retry policy.
    var policy: RetryPolicy = .standard
    /// The stored event, once read.
    var event: StoredEvent?
    /// The operations the mapping produced, to apply in order.
    var operations: [TargetOperation] = []
    /// The results of the operations applied so far, and the versions and stale events from planning.
    var result = DeliveryResult()
    /// The classified error that stopped the delivery, if one did.
    private(set) var failure: ConnectorError?
    /// The counting rule for a missing-reference failure while another flow into the same target is or was paused.
    var referenceWait = ReferenceWait.none
    /// The failed attempts that count toward the retry policy, this one included, when not all of them do.
    var countedFailedAttempts: Int?

    init(claim: DeliveryClaim, logger: Logger) {
        self.claim = claim
        self.logger = logger
    }

    /// The delivery the claim is for.
    var delivery: Delivery {
        claim.delivery
    }

    /// Whether nothing has stopped the delivery yet.
    var isRunning: Bool {
        flow != nil && failure == nil
    }

    /// Stops the delivery with `error`, unless an earlier error stopped it already.
    mutating func fail(_ error: ConnectorError) {
        if failure == nil {
            failure = error
        }
    }
}
