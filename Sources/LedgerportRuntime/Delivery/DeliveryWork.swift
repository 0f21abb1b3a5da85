import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// One claimed delivery as a batch moves it along: its context, its plan, its results, and the error that stopped it.
///
/// A class, because a batch reads and updates each delivery's work many times. Reading a struct element
/// through the batch's array copied it, which retained every string in the claim, flow and event.
/// Only the task that runs the batch uses it.
final class DeliveryWork {
    let claim: DeliveryClaim
    /// The slug of the delivery's tenant, for the logger's metadata.
    let tenantSlug: String
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
    /// The processor's logger, without the delivery's metadata.
    private let baseLogger: Logger

    init(claim: DeliveryClaim, tenantSlug: String, logger: Logger) {
        self.claim = claim
        self.tenantSlug = tenantSlug
        self.baseLogger = logger
    }

    /// The delivery the claim is for.
    var delivery: Delivery {
        claim.delivery
    }

    /// Whether nothing has stopped the delivery yet.
    var isRunning: Bool {
        flow != nil && failure == nil
    }

    /// Returns whether the delivery's logger writes records of `level`.
    func logs(_ level: LogLevel) -> Bool {
        level >= baseLogger.logLevel
    }

    /// The delivery's logger, with the tenant, flow, delivery, event and correlation ids known so far.
    ///
    /// Built on each read, because most deliveries log nothing. Check ``logs(_:)`` before a debug line on the hot path.
    var logger: Logger {
        var metadata: LogMetadata = [
            LogMetadataKey.tenantID: .string(delivery.tenantID.rawValue), LogMetadataKey.tenantSlug: .string(tenantSlug),
            LogMetadataKey.flowID: .string(delivery.flowID.rawValue), LogMetadataKey.deliveryID: .string(delivery.id.description),
            LogMetadataKey.attempt: .integer(Int64(delivery.attemptCount + 1)),
        ]
        if let event {
            metadata[LogMetadataKey.correlationID] = .string(event.correlationID)
            metadata[LogMetadataKey.eventID] = .string(event.sourceEventID)
        }
        return baseLogger.with(metadata)
    }

    /// Stops the delivery with `error`, unless an earlier error stopped it already.
    func fail(_ error: ConnectorError) {
        if failure == nil {
            failure = error
        }
    }
}
