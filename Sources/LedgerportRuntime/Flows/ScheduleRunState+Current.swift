import Foundation
import LedgerportStore

extension ScheduleRunState {
    /// Reads the state of the flow's run of the window starting at `windowStart`, for a message that explains why it cannot run again.
    ///
    /// Returns `running`, `completed` or `failed` as stored, or "unknown" when
    /// the run is not among the flow's newest 1,000 runs.
    package static func current(of flow: FlowID, windowStart: Date, tenant: TenantID, store: any Store) async throws -> String {
        let runs = try await store.scheduleRuns(flow: flow, tenant: tenant, limit: 1_000)
        return runs.first { $0.windowStart == windowStart }?.state.rawValue ?? "unknown"
    }
}
