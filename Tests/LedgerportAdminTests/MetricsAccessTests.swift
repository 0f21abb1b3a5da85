import Foundation
import LedgerportLog
import LedgerportSDK
import Testing

/// `/metrics` names every tenant, so by default only an operator's token reads it.
@Suite(.serialized)
struct MetricsAccessTests {
    @Test func metricsWithoutToken_isUnauthorized() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let response = try await harness.getMetrics(token: nil)
            let body = String(decoding: response.body, as: UTF8.self)

            #expect(response.status == 401)
            #expect(!body.contains("acme"))
        }
    }

    @Test func metricsWithTenantToken_isForbidden() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            let response = try await harness.getMetrics(token: admin)
            let message = try JSONParser.parse(response.body)["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 403)
            #expect(message.contains("read metrics"), "\(message)")
        }
    }

    @Test func metricsWithOperatorToken_areServed() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")

            let response = try await harness.getMetrics(token: operatorToken)

            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self).contains("# HELP"))
        }
    }

    @Test func inFlightGauge_hasSampleBeforeAnyDelivery() async throws {
        try await withHarness(metricsRequireToken: false) { harness in
            let text = String(decoding: try await harness.getMetrics(token: nil).body, as: UTF8.self)

            #expect(text.contains("\nledgerport_deliveries_in_flight 0\n"), "\(text)")
        }
    }

    @Test func metricsNotRequiringToken_areServedWithoutOne() async throws {
        try await withHarness(metricsRequireToken: false) { harness in
            let response = try await harness.getMetrics(token: nil)

            #expect(response.status == 200)
        }
    }

    @Test func start_logsWhoMayReadMetrics() async throws {
        let handler = CapturingLogHandler()
        try await withHarness(logger: Logger(label: "test", logLevel: .info, handler: handler)) { _ in
            let record = try #require(handler.records.first { $0.message == "metrics access" })

            #expect(record.metadata["metrics.access"] == .string("an operator's bearer token (metrics.require_token true)"))
            #expect(handler.renderedLines.contains("an operator's bearer token"))
        }
    }
}
