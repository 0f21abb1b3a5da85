import Foundation
import LedgerportSDK
import LedgerportStore

/// The state of a scheduled flow: its recent runs and the window it runs next, in the tenant's time zone.
package struct FlowScheduleStatus: Sendable {
    package let schedule: FlowSchedule
    package let timeZone: TimeZone
    /// The newest runs first.
    package let runs: [ScheduleRun]
    /// The window that runs next; it runs at its end, or at the runner's next look (every 30 s) once that has passed.
    package let nextWindow: ScheduleWindow

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
        return FlowScheduleStatus(schedule: schedule, timeZone: zone, runs: runs, nextWindow: next)
    }
}
