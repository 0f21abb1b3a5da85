import Foundation
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportOdooSandbox
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import StripeConnector
import Testing

/// A backlog of deliveries written into the Odoo sandbox in shared calls, each delivery still with its own outcome and audit entry.
@Suite(.serialized) struct BatchedDeliveryTests {
    @Test func backlog_sharesTargetCalls() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sandbox = try await OdooSandboxServer.start(configuration: SandboxConfiguration(), dataFolder: nil, port: 0)
        // One worker per tenant, so the whole backlog goes to one worker as one batch.
        let runtime = try await SystemHarness.openRuntime(folder: folder, maximumInFlightPerTenant: 1)
        let tenant = try await DemoProvisioner(runtime: runtime, clock: runtime.clock).provision(slug: "northwind", odoo: try SystemHarness.endpoint(of: sandbox))

        // The HTTP server stores the events; the delivery engine starts only once all of them wait.
        try runtime.server.start()
        let customers = 10
        let transport = CurlHTTPTransport(threadCount: 1)
        for index in 0..<customers {
            let response = try await post(try StripeBodies.newCustomer(index, prefix: "batch"), to: tenant, runtime: runtime, transport: transport)
            #expect(response.status == 200)
        }
        let engine = Task { await runtime.engine.run() }
        let delivered = try await waitForDelivered(customers, tenant: tenant, runtime: runtime)
        engine.cancel()
        await engine.value

        let requests = runtime.metrics.value(
            "ledgerport_target_requests_total", labels: ["tenant": tenant.tenant.slug, "connection": tenant.odooConnection.rawValue]
        )
        let deliveries = try await runtime.store.deliveries(tenant: tenant.tenant.id, state: nil, after: nil, limit: 100)
        let attempts = try await deliveries.asyncMap { try await runtime.store.deliveryAttempts(delivery: $0.id, tenant: tenant.tenant.id).count }
        let writes = try await runtime.store.auditEntries(scope: .tenant(tenant.tenant.id), after: 0, limit: 1000).filter { $0.action == "target.write" }
        let partners = try await OdooProbe(url: sandbox.url, database: sandbox.sandbox.configuration.databaseName, transport: transport)
            .call(model: "res.partner", method: "search_count", arguments: [[["email", "like", "@system-test.example"]]]).intValue
        await runtime.server.stop()
        await runtime.store.close()
        await sandbox.stop()

        #expect(delivered == customers)
        #expect(requests == 1)
        #expect(deliveries.count == customers)
        #expect(deliveries.allSatisfy { $0.state == .delivered })
        #expect(attempts == Array(repeating: 1, count: customers))
        #expect(Set(writes.map(\.subjectID)).count == customers)
        #expect(partners == customers)
    }

    private func post(_ body: [UInt8], to tenant: DemoTenant, runtime: Runtime, transport: CurlHTTPTransport) async throws -> HTTPResponse {
        let timestamp = Int64(runtime.clock.now().timeIntervalSince1970.rounded(.down))
        let headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "Stripe-Signature": StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: [tenant.webhookSecret]),
        ]
        let url = "http://127.0.0.1:\(runtime.port ?? 0)\(tenant.webhookPath)"
        return try await transport.send(HTTPRequest(method: "POST", url: url, headers: headers, body: body))
    }

    /// Waits until `count` deliveries are delivered, by the runtime's counter; gives up after 60 s of wall time.
    private func waitForDelivered(_ count: Int, tenant: DemoTenant, runtime: Runtime) async throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        var delivered = 0
        while Date() < deadline {
            delivered = 0
            for flow in tenant.flows {
                delivered += Int(runtime.metrics.value("ledgerport_deliveries_delivered_total", labels: ["tenant": tenant.tenant.slug, "flow": flow.id.rawValue]))
            }
            if delivered >= count {
                return delivered
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return delivered
    }
}

extension Array {
    /// The results of `transform` on each element, awaited one after the other.
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results = [T]()
        for element in self {
            results.append(try await transform(element))
        }
        return results
    }
}
