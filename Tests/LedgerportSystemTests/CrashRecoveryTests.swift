import Foundation
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportOdooSandbox
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore
import LedgerportStoreSQLite
import StripeConnector
import Testing

@Suite(.serialized) struct CrashRecoveryTests {
    /// Posts the signed bodies from `workers` concurrent senders and returns the event ids acknowledged with 200.
    private func send(
        _ bodies: [(id: String, body: [UInt8])], to url: String, secret: Secret, workers: Int, counter: AckCounter = AckCounter()
    ) async -> Set<String> {
        let transport = CurlHTTPTransport(threadCount: workers)
        let queue = WorkQueue(bodies)
        return await withTaskGroup(of: Set<String>.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var acknowledged = Set<String>()
                    while let item = queue.next() {
                        let timestamp = Int64(Date().timeIntervalSince1970)
                        let request = HTTPRequest(
                            method: "POST", url: url,
                            headers: ["Stripe-Signature": StripeWebhookSigner.signatureHeader(body: item.body, timestamp: timestamp, secrets: [secret])],
                            body: item.body, connectTimeoutSeconds: 2, totalTimeoutSeconds: 10
                        )
                        // A refused connection or a reset is what a sender sees when the process dies; it will resend.
                        if let response = try? await transport.send(request), response.status == 200 {
                            acknowledged.insert(item.id)
                            counter.increment()
                        }
                    }
                    return acknowledged
                }
            }
            return await group.reduce(into: Set<String>()) { $0.formUnion($1) }
        }
    }

    @Test func killDuringLoad_losesNoAcknowledgedEventAndWritesNoDuplicate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-crash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sandbox = try await OdooSandboxServer.start(configuration: SandboxConfiguration(), dataFolder: nil, port: 0)

        // Provision the tenant in this process, then hand the data folder to child processes.
        let setup = try await SystemHarness.openRuntime(folder: folder)
        var provisioner = DemoProvisioner(runtime: setup, clock: setup.clock)
        provisioner.odooConfiguration = ["max_requests_per_second": 2_000, "max_concurrent_requests": 4]
        let tenant = try await provisioner.provision(slug: "northwind", odoo: try SystemHarness.endpoint(of: sandbox))
        await setup.store.close()

        let customers = 1_500
        let bodies = try (0..<customers).map { (id: "evt_crash\($0)", body: try StripeBodies.newCustomer($0, prefix: "crash")) }

        let first = try await ServeProcess.start(folder: folder, run: 1)
        let url = { (port: Int) in "http://127.0.0.1:\(port)\(tenant.webhookPath)" }
        let counter = AckCounter()
        async let acknowledgedBeforeCrash = send(bodies, to: url(first.port), secret: tenant.webhookSecret, workers: 8, counter: counter)
        // Kill once a few hundred events are in, so ingest and deliveries are both under way.
        while counter.value < 300 {
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        first.kill()
        let beforeCrash = await acknowledgedBeforeCrash

        let second = try await ServeProcess.start(folder: folder, run: 2)
        defer { second.stop() }
        // The sender retries what was not acknowledged, and Stripe-like, some of what was.
        let resend = bodies.filter { !beforeCrash.contains($0.id) } + bodies.prefix(20)
        let afterCrash = await send(Array(resend), to: url(second.port), secret: tenant.webhookSecret, workers: 8)

        let store = try await SQLiteStore.open(SQLiteConfiguration(path: folder + "/runtime/ledgerport.sqlite"), clock: SystemClock(), logger: .disabled)
        defer { Task { await store.close() } }
        try await waitForDeliveries(store, tenant: tenant.tenant.id)
        let stored = try await allEvents(store, tenant: tenant.tenant.id)
        let storedIDs = Set(stored.map(\.sourceEventID))
        let probe = OdooProbe(url: sandbox.url, database: "sandbox", transport: CurlHTTPTransport(threadCount: 1))
        let partners = try await probe.call(model: "res.partner", method: "search_count", arguments: [[["email", "like", "@system-test.example"]]]).intValue

        #expect(!beforeCrash.isEmpty, "the first process acknowledged nothing before it was killed")
        #expect(beforeCrash.count < customers, "the kill came after every event was acknowledged")
        #expect(beforeCrash.isSubset(of: storedIDs), "an acknowledged event was lost")
        #expect(stored.count == storedIDs.count, "an event was stored twice")
        #expect(beforeCrash.union(afterCrash).count == customers)
        #expect(partners == customers)
        let parked = try await store.deliveries(tenant: tenant.tenant.id, state: .parked, after: nil, limit: 10)
        #expect(parked.isEmpty)
        await sandbox.stop()
    }

    private func waitForDeliveries(_ store: any Store, tenant: TenantID) async throws {
        for _ in 0..<1_200 {
            let pending = try await store.deliveries(tenant: tenant, state: .pending, after: nil, limit: 1)
            let inFlight = try await store.deliveries(tenant: tenant, state: .inFlight, after: nil, limit: 1)
            if pending.isEmpty, inFlight.isEmpty { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw HarnessError("deliveries still open after 60 s")
    }

    private func allEvents(_ store: any Store, tenant: TenantID) async throws -> [StoredEvent] {
        var events = [StoredEvent]()
        var after: EventID?
        while true {
            let page = try await store.events(tenant: tenant, connection: nil, after: after, limit: 500)
            events += page
            guard let last = page.last, page.count == 500 else { return events }
            after = last.id
        }
    }
}

/// Counts acknowledgements across concurrent senders.
final class AckCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.withLock { count += 1 }
    }

    var value: Int {
        lock.withLock { count }
    }
}

/// Hands out items to concurrent senders, each once.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item]

    init(_ items: [Item]) {
        self.items = items.reversed()
    }

    func next() -> Item? {
        lock.withLock { items.popLast() }
    }
}
