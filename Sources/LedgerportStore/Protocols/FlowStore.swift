import Foundation

/// A tenant's flows, and the bookkeeping of their deliveries and schedules.
package protocol FlowStore: Sendable {
    /// Creates a flow and its audit entry. Both connections must exist in the flow's environment.
    ///
    /// - Throws: ``StoreError`` `already_exists` for a taken id, `not_found` for a missing
    ///   tenant or connection, `invalid_input` for a connection of another environment.
    func createFlow(_ flow: NewFlow, tenant: TenantID, actor: String) async throws -> Flow

    func flow(_ id: FlowID, tenant: TenantID) async throws -> Flow

    /// The tenant's flows, optionally of one environment, sorted by id.
    func flows(tenant: TenantID, environment: EnvironmentName?) async throws -> [Flow]

    /// Pauses or resumes a flow, with an audit entry.
    func setFlowState(_ state: FlowState, flow: FlowID, tenant: TenantID, actor: String) async throws -> Flow

    /// Gives a pending delivery through a flow to each stored event it would have taken, with an audit entry.
    ///
    /// The events are those of the flow's source connection and native event
    /// types, received at or after the request's `since`. Only those that still
    /// have their payload and no delivery through the flow get one, so a second
    /// run creates nothing. A dry run only counts them.
    ///
    /// - Throws: ``StoreError`` `not_found` for a missing flow, `conflict` for a paused or scheduled one.
    func deliverStoredEvents(_ request: StoredEventDelivery, tenant: TenantID, actor: String) async throws -> StoredEventDeliveryCount

    /// Every active flow of every tenant, for the runtime's routing table. A platform method.
    func activeFlows() async throws -> [Flow]

    /// The highest object version applied through `flow` for `objectKey` (such as `invoice:in_1`), or nil.
    func appliedVersion(objectKey: String, flow: FlowID, tenant: TenantID) async throws -> Int64?

    /// Reads the highest versions applied through `flow` for several objects at once, by object key; keys with none are left out.
    ///
    /// The default implementation reads them one by one.
    func appliedVersions(objectKeys: [String], flow: FlowID, tenant: TenantID) async throws -> [String: Int64]

    /// Counts the flow's deliveries created at or after `since`, and how many were delivered within `targetSeconds`.
    func deliveryLatencySummary(flow: FlowID, since: Date, targetSeconds: Int, tenant: TenantID) async throws -> DeliveryLatencySummary

    /// Records the start of a schedule window's run; returns nil when that window already has a run.
    func startScheduleRun(flow: FlowID, windowStart: Date, windowEnd: Date, tenant: TenantID) async throws -> ScheduleRun?

    /// Marks a run completed or failed with a detail for operators.
    func finishScheduleRun(
        flow: FlowID, windowStart: Date, state: ScheduleRunState, detail: String, tenant: TenantID
    ) async throws -> ScheduleRun

    /// Moves a `failed` run back to `running` with one more attempt.
    ///
    /// Returns nil when the run is not `failed`, because another process retried it first or it is running or completed.
    /// Throws `not_found` when the flow has no run of that window. With an `actor` (a person's rerun, not the runner's own
    /// retry), the rerun is audited as `flow.window_rerun` in the same transaction.
    func retryScheduleRun(flow: FlowID, windowStart: Date, tenant: TenantID, actor: String?) async throws -> ScheduleRun?

    /// Reads the flow's run of the window starting at `windowStart`, or returns nil when the flow has none.
    func scheduleRun(flow: FlowID, windowStart: Date, tenant: TenantID) async throws -> ScheduleRun?

    /// The flow's runs, newest window first.
    func scheduleRuns(flow: FlowID, tenant: TenantID, limit: Int) async throws -> [ScheduleRun]

    /// Lists the flow's runs still to finish, oldest window first: every `running` run, and every `failed` run with
    /// fewer than `attemptsBelow` attempts, however old its window.
    func unfinishedScheduleRuns(flow: FlowID, tenant: TenantID, attemptsBelow: Int) async throws -> [ScheduleRun]
}

extension FlowStore {
    package func appliedVersions(objectKeys: [String], flow: FlowID, tenant: TenantID) async throws -> [String: Int64] {
        var versions = [String: Int64]()
        for key in Set(objectKeys) {
            versions[key] = try await appliedVersion(objectKey: key, flow: flow, tenant: tenant)
        }
        return versions
    }
}
