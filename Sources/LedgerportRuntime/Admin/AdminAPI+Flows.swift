import Foundation
import LedgerportHTTPServer
import LedgerportSDK
import LedgerportStore

/// A tenant's flows with their service level, pausing and resuming them, and delivering the events they did not take.
extension AdminAPI {
    /// The SLO window when the request names no `since`: the last 24 hours.
    static let defaultSLOWindowSeconds: Double = 86_400

    func registerFlowRoutes(in routes: inout HTTPRouter) {
        add(&routes, "GET", "/tenants/{tenant}/flows", scope: .tenant, permission: .read, accepts: .query("since")) { request in
            let since = try sloWindowStart(request)
            var items = [JSONValue]()
            for flow in try await store.flows(tenant: request.scopedTenant.id, environment: nil) {
                items.append(try await flowWithSLO(flow, since: since))
            }
            return (200, ["flows": .array(items)])
        }
        add(&routes, "GET", "/tenants/{tenant}/flows/{flow}", scope: .tenant, permission: .read, accepts: .query("since")) { request in
            let flow = try await FlowLookup.flow(FlowID(rawValue: request.pathParameter("flow")), tenant: request.scopedTenant.id, store: store)
            guard case .object(var object) = try await flowWithSLO(flow, since: try sloWindowStart(request)) else {
                preconditionFailure("a flow's JSON is an object")
            }
            let status = try await FlowScheduleStatus.read(flow: flow, store: store, now: clock.now())
            object["schedule_status"] = status.map(AdminJSON.scheduleStatus) ?? .null
            return (200, .object(object))
        }
        add(&routes, "POST", "/tenants/{tenant}/flows/{flow}/pause", scope: .tenant, permission: .manageFlows, accepts: .nothing) { request in
            try await setState(.paused, request)
        }
        add(&routes, "POST", "/tenants/{tenant}/flows/{flow}/resume", scope: .tenant, permission: .manageFlows, accepts: .nothing) { request in
            try await setState(.active, request)
        }
        add(&routes, "POST", "/tenants/{tenant}/flows/{flow}/schedule-runs/rerun", scope: .tenant, permission: .manageFlows,
            accepts: .body(["window_start": .string])) { request in
            try await rerunWindow(request)
        }
        add(&routes, "POST", "/tenants/{tenant}/flows/{flow}/deliver-stored", scope: .tenant, permission: .manageFlows,
            accepts: .body(["since": .string, "dry_run": .boolean])) { request in
            try await deliverStored(request)
        }
    }

    /// Gives deliveries through the flow to the stored events it did not take: `{"since": "2026-12-01T00:00:00Z", "dry_run": true}`.
    private func deliverStored(_ request: AdminRequest) async throws -> (Int, JSONValue) {
        let id = FlowID(rawValue: request.pathParameter("flow"))
        guard let text = request.body["since"]?.stringValue else {
            throw AdminError.badRequest(
                "invalid_input",
                "deliver stored events through flow \"\(id)\": member \"since\" is missing; send the earliest receipt time, "
                    + "such as {\"since\": \"2026-12-01T00:00:00Z\", \"dry_run\": true}")
        }
        guard let since = AdminRequest.parseTimestamp(text) else {
            throw AdminError.badRequest("invalid_input", "since \"\(text)\" is not an ISO 8601 time; write it as 2026-12-01T00:00:00Z")
        }
        let dryRun = request.body["dry_run"]?.boolValue ?? false
        let count = try await storedEvents.deliver(flow: id, since: since, dryRun: dryRun, tenant: request.scopedTenant.id, actor: request.actor)
        return (200, AdminJSON.storedEventDelivery(count, flow: id, since: text, dryRun: dryRun))
    }

    /// Runs a failed window of a scheduled flow again, `{"window_start": "2026-12-03T01:00:00Z"}`, also after its retries ran out.
    private func rerunWindow(_ request: AdminRequest) async throws -> (Int, JSONValue) {
        let id = FlowID(rawValue: request.pathParameter("flow"))
        guard let text = request.body["window_start"]?.stringValue else {
            throw AdminError.badRequest(
                "invalid_input", "run a window of flow \"\(id)\" again: member \"window_start\" is missing; send the window's start as the flow's runs list it")
        }
        guard let start = AdminRequest.parseTimestamp(text) else {
            throw AdminError.badRequest("invalid_input", "window_start \"\(text)\" is not an ISO 8601 time; write it as 2026-12-03T01:00:00Z")
        }
        _ = try await FlowLookup.flow(id, tenant: request.scopedTenant.id, store: store)
        guard let run = try await store.retryScheduleRun(flow: id, windowStart: start, tenant: request.scopedTenant.id, actor: request.actor) else {
            let state = try await store.scheduleRun(flow: id, windowStart: start, tenant: request.scopedTenant.id)?.state.rawValue ?? "unknown"
            throw AdminError(
                status: 409, code: "conflict",
                message: "run window \(text) of flow \"\(id)\" again: its run is \(state), not failed; only a failed run can be run again")
        }
        return (200, AdminJSON.scheduleRun(run))
    }

    private func setState(_ state: FlowState, _ request: AdminRequest) async throws -> (Int, JSONValue) {
        let id = FlowID(rawValue: request.pathParameter("flow"))
        let flow = try await FlowLookup.setState(state, flow: id, tenant: request.scopedTenant.id, actor: request.actor, store: store)
        // Route the change at once instead of at the next periodic reload.
        try await router.reload()
        return (200, AdminJSON.flow(flow))
    }

    private func flowWithSLO(_ flow: Flow, since: Date) async throws -> JSONValue {
        let report = try await FlowSLOReport.compute(flow: flow, since: since, store: store)
        let inForce = try await store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: flow.tenantID)
        return AdminJSON.flow(flow, slo: report, mappingVersionInForce: inForce?.mapping.version)
    }

    private func sloWindowStart(_ request: AdminRequest) throws(AdminError) -> Date {
        try request.timestampQuery("since") ?? clock.now().addingTimeInterval(-Self.defaultSLOWindowSeconds)
    }
}
