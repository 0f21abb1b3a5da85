import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// `GET /admin/tenants/{tenant}/flows/{flow}` shows a scheduled flow's next window and its runs.
@Suite(.serialized)
struct FlowScheduleStatusTests {
    /// Creates the scheduled flow `nightly-customers`, daily at 02:00, through the tenant's active customer mapping.
    private func createNightlyFlow(_ harness: AdminTestHarness, tenant: TenantID, retryPolicy: RetryPolicy = .standard) async throws {
        let runtime = harness.runtime
        let activation = try #require(
            try await runtime.store.activeMappingVersion(mapping: AdminTestHarness.customerMappingID, environment: .production, tenant: tenant))
        let mapping = try await runtime.mappings.mapping(activation.mapping, tenant: tenant)
        _ = try await runtime.flowProvisioner.createFlow(
            id: "nightly-customers", environment: .production, source: "stripe-main", target: "odoo-main", mapping: mapping,
            mappingID: AdminTestHarness.customerMappingID, mode: .scheduled, schedule: .daily(hour: 2, minute: 0), retryPolicy: retryPolicy,
            tenant: tenant, actor: AdminTestHarness.proposer)
    }

    @Test func scheduledFlow_showsNextWindowAndRuns() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let runtime = harness.runtime
            try await createNightlyFlow(harness, tenant: acme.tenant.id)
            let start = Date(timeIntervalSince1970: (harness.clock.now().timeIntervalSince1970 - 86_400).rounded(.down))
            _ = try await runtime.store.startScheduleRun(
                flow: "nightly-customers", windowStart: start, windowEnd: start.addingTimeInterval(3_600), tenant: acme.tenant.id)

            let scheduled = try await harness.request("GET", "\(acme.path)/flows/nightly-customers", token: viewer)
            let realtime = try await harness.request("GET", "\(acme.path)/flows/stripe-customers", token: viewer)
            let status = scheduled.json["schedule_status"]

            #expect(scheduled.status == 200)
            #expect(status?["time_zone"] == "Europe/Berlin")
            #expect(status?["next_window"]?["start"]?.stringValue?.isEmpty == false)
            #expect(status?["runs"]?[0]?["state"] == "running")
            #expect(status?["runs"]?[0]?["attempts"] == 1)
            #expect(status?["runs"]?[0]?["window_start"] == AdminJSON.timestamp(start))
            #expect(realtime.json["schedule_status"] == .null)
        }
    }

    @Test func failedWindowOutOfAttempts_showsGaveUpAndRunsAgain() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            let runtime = harness.runtime
            try await createNightlyFlow(
                harness, tenant: acme.tenant.id,
                retryPolicy: RetryPolicy(maximumAttempts: 1, initialDelaySeconds: 1, multiplier: 2, maximumDelaySeconds: 1, jitter: 0))
            let start = Date(timeIntervalSince1970: (harness.clock.now().timeIntervalSince1970 - 86_400).rounded(.down))
            _ = try await runtime.store.startScheduleRun(
                flow: "nightly-customers", windowStart: start, windowEnd: start.addingTimeInterval(3_600), tenant: acme.tenant.id)
            _ = try await runtime.store.finishScheduleRun(
                flow: "nightly-customers", windowStart: start, state: .failed, detail: "source unreachable", tenant: acme.tenant.id)
            let path = "\(acme.path)/flows/nightly-customers"

            let failed = try await harness.request("GET", path, token: admin)
            let listed = await harness.runCommand(["flow", "list", "--tenant", "acme"])
            let rerun = try await harness.request("POST", "\(path)/schedule-runs/rerun", token: admin, body: ["window_start": AdminJSON.timestamp(start)])
            let again = try await harness.request("POST", "\(path)/schedule-runs/rerun", token: admin, body: ["window_start": AdminJSON.timestamp(start)])
            let missing = try await harness.request(
                "POST", "\(path)/schedule-runs/rerun", token: admin, body: ["window_start": AdminJSON.timestamp(start.addingTimeInterval(60))])

            #expect(failed.json["schedule_status"]?["runs"]?[0]?["gave_up"] == true)
            #expect(failed.json["schedule_status"]?["runs"]?[0]?["retry_at"] == .null)
            #expect(
                listed.output.contains(
                    "flow nightly-customers: 1 window gave up, the oldest starting \(AdminJSON.timestampText(start)); run each again with "
                        + "\"ledgerport flow rerun-window nightly-customers --tenant acme --window-start TIME\""), "\(listed.output)")
            #expect(rerun.status == 200)
            #expect(rerun.json["state"] == "running")
            #expect(rerun.json["attempts"] == 2)
            #expect(again.status == 409)
            #expect(again.json["error"]?["message"]?.stringValue?.contains("its run is running, not failed") == true)
            let audit = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 1_000)
            #expect(audit.filter { $0.action == "flow.window_rerun" }.count == 1)
            #expect(missing.status == 404)
            #expect(missing.json["error"]?["message"]?.stringValue?.contains("the flow has no run of a window starting then") == true)
        }
    }

    @Test func unknownFlow_namesTheClosestOne() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let response = try await harness.request("GET", "\(acme.path)/flows/stripe-customrs", token: viewer)
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 404)
            #expect(message.contains("read flow \"stripe-customrs\": the tenant has no such flow"))
            #expect(message.contains("did you mean \"stripe-customers\"?"))
        }
    }
}
