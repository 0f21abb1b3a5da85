import Foundation
import LedgerportSDK
import LedgerportStore

/// The state of a scheduled flow: its recent runs and the window it runs next, in the tenant's time zone.
package struct FlowScheduleStatus: Sendable {
    package let schedule: FlowSchedule
    package let timeZone: TimeZone
    /// The tenant's time zone as the tenant stores it, such as `UTC` or `Europe/Berlin` (Foundation may name `UTC` `GMT`).
    package let timeZoneName: String
    /// The newest runs first.
    package let runs: [ScheduleRun]
    /// The window that runs next; it runs at its end, or at the runner's next look (every 30 s) once that has passed.
    package let nextWindow: ScheduleWindow
    /// The flow's retry policy, which decides whether a failed run is retried.
    package let retryPolicy: RetryPolicy

    /// Returns when a failed run is retried, or nil when it is not failed or its attempts ran out (it gave up).
    package func retryAt(_ run: ScheduleRun) -> Date? {
        guard run.state == .failed, let finishedAt = run.finishedAt,
            case .retry(let delaySeconds) = retryPolicy.decision(afterFailedAttempts: run.attempts, random: 0)
        else {
            return nil
        }
        return finishedAt.addingTimeInterval(delaySeconds)
    }

    /// Returns whether a run failed and has no attempt left: only `flow rerun-window` runs its window again.
    package func gaveUp(_ run: ScheduleRun) -> Bool {
        run.state == .failed && retryAt(run) == nil
    }

    /// Reads the status of `flow`, or returns nil for a flow without a schedule.
    package static func read(flow: Flow, store: any Store, now: Date, runLimit: Int = 20) async throws -> FlowScheduleStatus? {
        guard flow.mode == .scheduled, let json = flow.schedule else {
            return nil
        }
        let schedule = try JSONValueDecoder().decode(FlowSchedule.self, from: json)
        let tenant = try await store.tenant(flow.tenantID)
        let zone = TimeZone(identifier: tenant.timeZone) ?? .gmt
        let runs = try await store.scheduleRuns(flow: flow.id, tenant: flow.tenantID, limit: runLimit)
        let next = schedule.nextWindow(lastRunStart: runs.first?.windowStart, now: now, in: zone)
        let policy = (try? JSONValueDecoder().decode(RetryPolicy.self, from: flow.retryPolicy)) ?? .standard
        return FlowScheduleStatus(
            schedule: schedule, timeZone: zone, timeZoneName: tenant.timeZone, runs: runs, nextWindow: next, retryPolicy: policy)
    }
}
