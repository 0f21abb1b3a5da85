import Foundation
import LedgerportDemo
import LedgerportRuntime
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore
import LedgerportTestSupport
import Testing

@Suite(.serialized) struct ScheduledFlowTests {
    /// Returns a manual clock start half an hour after the current hour ends, so the last ended window is the current hour.
    ///
    /// The flows run every hour on the hour, and the customers a test creates in localstripe fall in the current hour.
    /// A start of now plus an hour could fall seconds before an hour's end (an estimated one run in 360, as tests advance
    /// up to 10 s), and a second window then became due. Near an hour's end, this waits for the next hour first.
    fileprivate static func midHourStart() async throws -> Date {
        var now = Date()
        let secondsLeft = 3_600 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 3_600)
        if secondsLeft < 30 {
            try await Task.sleep(nanoseconds: UInt64((secondsLeft + 1) * 1_000_000_000))
            now = Date()
        }
        let hour = (now.timeIntervalSince1970 / 3_600).rounded(.down) * 3_600
        return Date(timeIntervalSince1970: hour + 3_600 + 1_800)
    }

    /// Creates a customer in localstripe through its API.
    fileprivate func createCustomer(_ server: LocalstripeServer, email: String, harness: SystemHarness) async throws {
        let body = Array("email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? email)&name=Backfilled".utf8)
        let response = try await harness.transport.send(HTTPRequest(
            method: "POST", url: server.baseURL + "/v1/customers",
            headers: ["Authorization": "Bearer sk_test_backfill", "Content-Type": "application/x-www-form-urlencoded"], body: body
        ))
        #expect(response.status == 200)
    }

    /// Adds a Stripe connection that reads localstripe's API and a scheduled customer flow on it.
    fileprivate func scheduledCustomerFlow(
        _ harness: SystemHarness, apiURL: String, connection: ConnectionID = "stripe-api", flow: FlowID = "customers-hourly"
    ) async throws -> Flow {
        let runtime = harness.runtime
        let tenant = harness.tenant.tenant.id
        let id = connection
        let now = harness.clock.now()
        let secrets = [
            try runtime.vault.seal(Secret("sk_test_backfill"), field: "api_key", connection: id, tenant: tenant, activeFrom: now),
            try runtime.vault.seal(Secret("whsec_backfill_only"), field: "webhook_signing_secret", connection: id, tenant: tenant, activeFrom: now),
        ]
        _ = try await runtime.store.createConnection(
            NewConnection(
                id: id, environment: .production, connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
                configuration: ["api_base_url": .string(apiURL), "api_version": "2017-08-15"], secretValues: secrets
            ),
            tenant: tenant, actor: "test"
        )
        let mappingID = MappingID(rawValue: "stripe-customer-to-odoo")
        guard let activation = try await runtime.store.activeMappingVersion(mapping: mappingID, environment: .production, tenant: tenant) else {
            throw HarnessError("the customer mapping is not active")
        }
        let mapping = try await runtime.mappings.mapping(activation.mapping, tenant: tenant)
        let flow = try await runtime.flowProvisioner.createFlow(
            id: flow, environment: .production, source: id, target: harness.tenant.odooConnection, mapping: mapping,
            mappingID: mappingID, mode: .scheduled, schedule: .everyMinutes(60), tenant: tenant, actor: "test"
        )
        try await runtime.router.reload()
        return flow
    }

    /// A runtime with three customers in localstripe, created in the hour that the clock's current window covers, and the hourly customer flow.
    private struct ThreeCustomers {
        let server: LocalstripeServer
        let clock: ManualClock
        let harness: SystemHarness
        let flow: Flow

        /// Starts localstripe and the runtime and creates customers `<prefix>0@system-test.example` to `<prefix>2@...`.
        static func start(prefix: String, in test: ScheduledFlowTests) async throws -> ThreeCustomers {
            let server = try await LocalstripeServer.start()
            // The clock is an hour ahead, so the hour in which the customers are created has ended.
            let clock = ManualClock(try await ScheduledFlowTests.midHourStart())
            let harness = try await SystemHarness.start(clock: clock)
            for index in 0..<3 {
                try await test.createCustomer(server, email: "\(prefix)\(index)@system-test.example", harness: harness)
            }
            let flow = try await test.scheduledCustomerFlow(harness, apiURL: server.baseURL)
            return ThreeCustomers(server: server, clock: clock, harness: harness, flow: flow)
        }
    }

    @Test func scheduledBackfill_runsEachWindowOnceAcrossRestarts() async throws {
        let setup = try await ThreeCustomers.start(prefix: "backfill", in: self)
        defer { setup.server.stop() }
        defer { Task { await setup.harness.stop() } }
        let (clock, harness, flow) = (setup.clock, setup.harness, setup.flow)

        let firstRuns = await harness.runtime.scheduler.runDueWindows()
        try await harness.waitForDeliveries()
        let secondRuns = await harness.runtime.scheduler.runDueWindows()

        let restarted = try await SystemHarness.openRuntime(folder: harness.folder, clock: clock)
        try await restarted.router.reload()
        let afterRestart = await restarted.scheduler.runDueWindows()
        let recorded = try await harness.runtime.store.scheduleRuns(flow: flow.id, tenant: harness.tenant.tenant.id, limit: 10)
        await restarted.store.close()

        #expect(firstRuns.map(\.state) == [.completed], "\(firstRuns.map { $0.detail ?? "" })")
        #expect(firstRuns.first?.detail?.hasPrefix("listed 3 objects, stored 3 new events") == true)
        #expect(secondRuns.isEmpty)
        #expect(afterRestart.isEmpty)
        #expect(recorded.count == 1)
        #expect(try await harness.odooCount("res.partner", [["email", "=like", "backfill%@system-test.example"]]) == 3)
    }

    @Test func resumedWindow_storesNothingTwice() async throws {
        let setup = try await ThreeCustomers.start(prefix: "resumed", in: self)
        defer { setup.server.stop() }
        defer { Task { await setup.harness.stop() } }
        let (clock, harness, flow) = (setup.clock, setup.harness, setup.flow)
        let firstRuns = await harness.runtime.scheduler.runDueWindows()
        try await harness.waitForDeliveries()

        // A crash after the window's events were stored, before the run was marked completed, leaves it running.
        let database = try SQLiteConnection(path: harness.folder + "/runtime/ledgerport.sqlite")
        let marked = try database.execute("UPDATE schedule_runs SET state = 'running', finished_at_ms = NULL WHERE flow_id = ?", [.text(flow.id.rawValue)])
        database.close()
        clock.advance(seconds: 90)
        let restarted = try await SystemHarness.openRuntime(folder: harness.folder, clock: clock)
        try await restarted.router.reload()
        let resumed = await restarted.scheduler.runDueWindows()
        let events = try await restarted.store.events(tenant: harness.tenant.tenant.id, connection: "stripe-api", after: nil, limit: 100)
        await restarted.store.close()

        #expect(firstRuns.first?.detail?.hasPrefix("listed 3 objects, stored 3 new events") == true)
        #expect(marked == 1)
        #expect(resumed.map(\.state) == [.completed])
        #expect(resumed.first?.detail?.hasPrefix("listed 3 objects, stored 0 new events, 3 already stored") == true, "\(resumed.map { $0.detail ?? "" })")
        #expect(events.filter { $0.sourceEventID.contains("@backfill:") }.count == 3)
        #expect(try await harness.odooCount("res.partner", [["email", "=like", "resumed%@system-test.example"]]) == 3)
    }

    @Test func secondFlowOfOneSource_getsItsOwnDeliveries() async throws {
        let setup = try await ThreeCustomers.start(prefix: "twoflows", in: self)
        defer { setup.server.stop() }
        defer { Task { await setup.harness.stop() } }
        let (harness, flow) = (setup.harness, setup.flow)
        let runtime = harness.runtime
        let tenant = harness.tenant.tenant.id
        let mappingID = MappingID(rawValue: "stripe-customer-to-odoo")
        let activation = try #require(try await runtime.store.activeMappingVersion(mapping: mappingID, environment: .production, tenant: tenant))
        // A second hourly flow of the same connection, as when one source feeds two targets.
        let copy = try await runtime.flowProvisioner.createFlow(
            id: "customers-hourly-copy", environment: .production, source: "stripe-api", target: harness.tenant.odooConnection,
            mapping: try await runtime.mappings.mapping(activation.mapping, tenant: tenant), mappingID: mappingID, mode: .scheduled,
            schedule: .everyMinutes(60), tenant: tenant, actor: "test")
        try await runtime.router.reload()

        let runs = await runtime.scheduler.runDueWindows()
        try await harness.waitForDeliveries()
        let deliveries = try await runtime.store.deliveries(tenant: tenant, state: nil, after: nil, limit: 100)

        #expect(runs.map(\.state) == [.completed, .completed], "\(runs.map { $0.detail ?? "" })")
        #expect(deliveries.filter { $0.flowID == flow.id }.count == 3)
        #expect(deliveries.filter { $0.flowID == copy.id }.count == 3)
        #expect(deliveries.allSatisfy { $0.state == .delivered })
        #expect(try await harness.odooCount("res.partner", [["email", "=like", "twoflows%@system-test.example"]]) == 3)
    }

    @Test func failedWindow_isRetriedAfterBackoff() async throws {
        let server = try await LocalstripeServer.start()
        defer { server.stop() }
        let clock = ManualClock(try await Self.midHourStart())
        let harness = try await SystemHarness.start(clock: clock)
        defer { Task { await harness.stop() } }
        try await createCustomer(server, email: "retried@system-test.example", harness: harness)
        // Nothing listens on port 9 of the loopback address, so the first run cannot list.
        let flow = try await scheduledCustomerFlow(harness, apiURL: "http://127.0.0.1:9")
        let tenant = harness.tenant.tenant.id

        let failed = await harness.runtime.scheduler.runDueWindows()
        let beforeBackoff = await harness.runtime.scheduler.runDueWindows()
        // Two more failed attempts make three transient failures in a row, which raise the source's alert.
        clock.advance(seconds: 2)
        let second = await harness.runtime.scheduler.runDueWindows()
        clock.advance(seconds: 3)
        let third = await harness.runtime.scheduler.runDueWindows()
        let alertsWhileFailing = harness.runtime.alerts.activeAlerts(tenantSlug: harness.tenant.tenant.slug)
        _ = try await harness.runtime.store.setConnectionConfiguration(
            ["api_base_url": .string(server.baseURL), "api_version": "2017-08-15"], connection: "stripe-api", tenant: tenant, actor: "test")
        harness.runtime.connectors.invalidate(tenant: tenant, connection: "stripe-api")
        clock.advance(seconds: 5)
        let retried = await harness.runtime.scheduler.runDueWindows()
        try await harness.waitForDeliveries()
        let recorded = try await harness.runtime.store.scheduleRuns(flow: flow.id, tenant: tenant, limit: 10)
        let alertsAfter = harness.runtime.alerts.activeAlerts(tenantSlug: harness.tenant.tenant.slug)

        #expect(failed.map(\.state) == [.failed])
        #expect(beforeBackoff.isEmpty)
        #expect(second.map(\.state) == [.failed])
        #expect(third.map(\.state) == [.failed])
        #expect(alertsWhileFailing.map(\.connectionID) == ["stripe-api"])
        #expect(alertsWhileFailing.first?.kind == .sourceUnreachable)
        #expect(retried.map(\.state) == [.completed], "\(retried.map { $0.detail ?? "" })")
        #expect(recorded.map(\.attempts) == [4])
        #expect(alertsAfter.isEmpty)
        #expect(try await harness.odooCount("res.partner", [["email", "=", "retried@system-test.example"]]) == 1)
    }

    @Test func failedWindowOlderThanHundredRuns_isRetried() async throws {
        let server = try await LocalstripeServer.start()
        defer { server.stop() }
        let clock = ManualClock(try await Self.midHourStart())
        let harness = try await SystemHarness.start(clock: clock)
        defer { Task { await harness.stop() } }
        try await createCustomer(server, email: "old-window@system-test.example", harness: harness)
        let flow = try await scheduledCustomerFlow(harness, apiURL: "http://127.0.0.1:9")
        let tenant = harness.tenant.tenant.id
        let store = harness.runtime.store
        let failed = await harness.runtime.scheduler.runDueWindows()
        let failedWindow = try #require(failed.first)
        // 120 later windows, completed, push the failed one out of the newest 100 runs.
        for index in 1...120 {
            let start = failedWindow.windowStart.addingTimeInterval(Double(index) * 3_600)
            _ = try await store.startScheduleRun(flow: flow.id, windowStart: start, windowEnd: start.addingTimeInterval(3_600), tenant: tenant)
            _ = try await store.finishScheduleRun(flow: flow.id, windowStart: start, state: .completed, detail: "listed 0 objects", tenant: tenant)
        }
        _ = try await store.setConnectionConfiguration(
            ["api_base_url": .string(server.baseURL), "api_version": "2017-08-15"], connection: "stripe-api", tenant: tenant, actor: "test")
        harness.runtime.connectors.invalidate(tenant: tenant, connection: "stripe-api")
        clock.advance(seconds: 2)

        let retried = await harness.runtime.scheduler.runDueWindows()
        try await harness.waitForDeliveries()

        #expect(failed.map(\.state) == [.failed])
        #expect(retried.map(\.windowStart) == [failedWindow.windowStart])
        #expect(retried.map(\.state) == [.completed], "\(retried.map { $0.detail ?? "" })")
        #expect(try await harness.odooCount("res.partner", [["email", "=", "old-window@system-test.example"]]) == 1)
    }

    @Test func hangingSource_doesNotHoldUpAnotherFlow() async throws {
        let server = try await LocalstripeServer.start()
        defer { server.stop() }
        let clock = ManualClock(try await Self.midHourStart())
        let harness = try await SystemHarness.start(clock: clock)
        defer { Task { await harness.stop() } }
        let listener = try SilentListener()
        defer { listener.close() }
        _ = try await scheduledCustomerFlow(harness, apiURL: "http://127.0.0.1:\(listener.port)", connection: "stripe-silent", flow: "customers-a-stuck")
        let healthy = try await scheduledCustomerFlow(harness, apiURL: server.baseURL, connection: "stripe-api", flow: "customers-hourly")
        let scheduler = harness.runtime.scheduler
        let tenant = harness.tenant.tenant.id

        let running = Task { await scheduler.runDueWindows() }
        var states: [ScheduleRunState] = []
        for _ in 0..<100 where states != [.completed] {
            try await Task.sleep(nanoseconds: 50_000_000)
            states = try await harness.runtime.store.scheduleRuns(flow: healthy.id, tenant: tenant, limit: 10).map(\.state)
        }
        running.cancel()
        _ = await running.value

        #expect(states == [.completed])
    }

    @Test func stopDuringRun_leavesItRunningWithoutUsingAnAttempt() async throws {
        let clock = ManualClock(try await Self.midHourStart())
        let harness = try await SystemHarness.start(clock: clock)
        defer { Task { await harness.stop() } }
        let listener = try SilentListener()
        defer { listener.close() }
        let flow = try await scheduledCustomerFlow(harness, apiURL: "http://127.0.0.1:\(listener.port)")
        let scheduler = harness.runtime.scheduler

        let running = Task { await scheduler.runDueWindows() }
        try await Task.sleep(nanoseconds: 500_000_000)
        running.cancel()
        let finished = await running.value
        let recorded = try await harness.runtime.store.scheduleRuns(flow: flow.id, tenant: harness.tenant.tenant.id, limit: 10)

        #expect(finished.isEmpty)
        #expect(recorded.map(\.state) == [.running])
        #expect(recorded.map(\.attempts) == [1])
    }
}

/// A TCP listener on 127.0.0.1 that never accepts, so a client sends its request and never receives a response.
private final class SilentListener {
    let port: UInt16
    private let socket: Int32

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            Glibc.close(socket)
            throw HarnessError("bind a silent listener on 127.0.0.1")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() {
        Glibc.close(socket)
    }
}
