import Foundation

/// One run of a scheduled flow over one window of its schedule.
///
/// A window's start identifies the run: the store refuses a second run of
/// the same window, so a schedule never runs twice for one window, also
/// after a restart or on two nodes.
package struct ScheduleRun: Sendable, Hashable {
    package let tenantID: TenantID
    package let flowID: FlowID
    package let windowStart: Date
    package let windowEnd: Date
    package let state: ScheduleRunState
    package let startedAt: Date
    package let finishedAt: Date?
    /// What the run did or why it failed, for operators.
    package let detail: String?
    /// The attempts at the window so far: 1 for the first, one more for each retry of a failed run.
    package let attempts: Int

    package init(
        tenantID: TenantID, flowID: FlowID, windowStart: Date, windowEnd: Date, state: ScheduleRunState, startedAt: Date,
        finishedAt: Date?, detail: String?, attempts: Int = 1
    ) {
        self.tenantID = tenantID
        self.flowID = flowID
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.detail = detail
        self.attempts = attempts
    }
}

package enum ScheduleRunState: String, Sendable, Hashable, CaseIterable, Codable {
    case running
    case completed
    case failed
}
