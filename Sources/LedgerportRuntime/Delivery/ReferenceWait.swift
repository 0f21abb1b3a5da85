import Foundation
import LedgerportSDK
import LedgerportStore

/// The rule for counting a failure on a referenced record that is not in the target yet, when a flow into the same target was paused.
///
/// A payment refers to its invoice. While the invoice flow is paused, the
/// invoice cannot arrive, and the payment fails with a transient
/// `reference_not_found` until its attempts run out. So such a failure:
/// - never parks the delivery while another flow of the tenant into the same
///   target connection is paused: the delivery is retried after the retry
///   policy's longest delay;
/// - counts toward the retry policy only from the last change to such a
///   flow (its resume), so the deliveries that waited get their full number
///   of attempts once the flow runs again.
///
/// NOTE: any paused flow into the same target connection counts, because a
/// connector does not say which flow would deliver the missing record.
enum ReferenceWait: Equatable {
    /// The failure counts as usual.
    case none
    /// Another flow into the same target is paused, so the delivery waits for it.
    case paused(FlowID)
    /// Another flow into the same target changed at this time, after the delivery was created: only later attempts count.
    case countFrom(Date)

    /// The connector error code for a referenced record that is not in the target yet.
    static let referenceNotFound = "reference_not_found"

    /// Returns whether `failure` is one this rule concerns: a transient missing reference.
    static func concerns(_ failure: ConnectorError) -> Bool {
        failure.failureClass == .transient && failure.code == referenceNotFound
    }

    /// Returns how a missing-reference failure of `delivery` through `flow` counts, given every flow of the tenant.
    static func of(_ delivery: Delivery, flow: Flow, among flows: [Flow]) -> ReferenceWait {
        let others = flows.filter { $0.id != flow.id && $0.targetConnectionID == flow.targetConnectionID }
        if let paused = others.filter({ $0.state == .paused }).map(\.id).min(by: { $0.rawValue < $1.rawValue }) {
            return .paused(paused)
        }
        if let changed = others.map(\.updatedAt).max(), changed > delivery.createdAt {
            return .countFrom(changed)
        }
        return .none
    }
}
