import Foundation
import LedgerportSDK
import LedgerportStore

/// A flow's service level over a time window: how many of its deliveries finished within the flow's target time.
///
/// The ratio is the deliveries delivered within ``targetSeconds`` divided by
/// every delivery created in the window. Pending, in-flight and parked
/// deliveries count as not within target, so a backlog lowers the ratio
/// before it is delivered. With no delivery in the window there is nothing to
/// judge, so ``ratio`` and ``met`` are nil: a flow whose source went quiet
/// does not read as healthy.
package struct FlowSLOReport: Sendable, Hashable {
    /// The flow the report is about.
    package let flowID: FlowID
    /// The share of deliveries that should be delivered within the target, such as 0.99.
    package let objective: ExactDecimal
    /// The time from creation to delivery within which a delivery counts as on time.
    package let targetSeconds: Int
    /// The start of the window; deliveries created at or after it count.
    package let since: Date
    /// The store's counts of the flow's deliveries in the window.
    package let summary: DeliveryLatencySummary

    /// Creates a report from counts already read.
    package init(flowID: FlowID, objective: ExactDecimal, targetSeconds: Int, since: Date, summary: DeliveryLatencySummary) {
        self.flowID = flowID
        self.objective = objective
        self.targetSeconds = targetSeconds
        self.since = since
        self.summary = summary
    }

    /// The share delivered within the target, rounded down to four decimals; nil without deliveries.
    package var ratio: ExactDecimal? {
        guard summary.total > 0 else {
            return nil
        }
        let basisPoints = Int64(summary.deliveredWithinTarget) * 10_000 / Int64(summary.total)
        return ExactDecimal(significand: basisPoints, scale: 4)
    }

    /// Whether the share within the target reaches the objective, compared exactly (no rounding); nil without deliveries.
    package var met: Bool? {
        guard summary.total > 0 else {
            return nil
        }
        // within / total >= significand / 10^scale  ⇔  within × 10^scale >= significand × total
        let scale = max(0, objective.scale)
        guard let power = ExactDecimal.powerOfTen(scale) else {
            return false
        }
        let (left, leftOverflow) = Int64(summary.deliveredWithinTarget).multipliedReportingOverflow(by: power)
        let (right, rightOverflow) = objective.significand.multipliedReportingOverflow(by: Int64(summary.total))
        precondition(!leftOverflow && !rightOverflow, "SLO counts overflow Int64")
        return left >= right
    }

    /// Reads the summary of `flow`'s deliveries created at or after `since`.
    package static func compute(flow: Flow, since: Date, store: any Store) async throws -> FlowSLOReport {
        let summary = try await store.deliveryLatencySummary(flow: flow.id, since: since, targetSeconds: flow.sloTargetSeconds, tenant: flow.tenantID)
        return FlowSLOReport(flowID: flow.id, objective: flow.sloObjective, targetSeconds: flow.sloTargetSeconds, since: since, summary: summary)
    }
}
