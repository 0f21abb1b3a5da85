import Foundation
import LedgerportHTTPClient
import LedgerportLog
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// A webhook endpoint returns 404 only when it does not exist; a connection that exists but cannot be loaded returns 503.
@Suite(.serialized)
struct WebhookEndpointTests {
    @Test func connectorThatCannotBeBuilt_answers503AndStoresNothing() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            // A newer value of the Stripe API key that the connector refuses, as an operator might store by mistake.
            _ = try await harness.runtime.vault.addSecret(
                Secret("not_a_stripe_key"), field: "api_key", connection: "stripe-main", tenant: acme.tenant.id, activeFrom: harness.clock.now(),
                actor: "ops@example.com")
            harness.runtime.connectors.invalidate(tenant: acme.tenant.id, connection: "stripe-main")

            let status = try await harness.postCustomerCreated(acme, customerID: "cus_E1", eventID: "evt_E1")
            let events = try await harness.runtime.store.events(tenant: acme.tenant.id, connection: nil, after: nil, limit: 10)
            let alerts = harness.runtime.alerts.activeAlerts(tenantSlug: "acme")

            #expect(status == 503)
            #expect(events.isEmpty)
            #expect(alerts.map(\.connectionID) == ["stripe-main"])
            #expect(alerts.map(\.kind) == [.configurationFailing])
        }
    }

    @Test func fixedConnector_clearsItsAlert() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let broken = try await harness.runtime.vault.addSecret(
                Secret("not_a_stripe_key"), field: "api_key", connection: "stripe-main", tenant: acme.tenant.id, activeFrom: harness.clock.now(),
                actor: "ops@example.com")
            harness.runtime.connectors.invalidate(tenant: acme.tenant.id, connection: "stripe-main")
            let refused = try await harness.postCustomerCreated(acme, customerID: "cus_G1", eventID: "evt_G1")

            _ = try await harness.runtime.store.expireSecretValue(
                broken.id, at: harness.clock.now(), connection: "stripe-main", tenant: acme.tenant.id, actor: "ops@example.com")
            harness.runtime.connectors.invalidate(tenant: acme.tenant.id, connection: "stripe-main")
            let accepted = try await harness.postCustomerCreated(acme, customerID: "cus_G1", eventID: "evt_G1")

            #expect(refused == 503)
            #expect(accepted == 200)
            #expect(harness.runtime.alerts.activeAlerts(tenantSlug: "acme").isEmpty)
        }
    }

    @Test func unknownConnection_answers404() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let response = try await harness.runtime.transport.send(HTTPRequest(
                method: "POST", url: "http://127.0.0.1:\(harness.runtime.port ?? 0)/webhooks/\(acme.tenant.slug)/production/stripe-other",
                headers: ["Content-Type": "application/json"], body: Array(#"{"id": "evt_F1"}"#.utf8)
            ))

            #expect(response.status == 404)
            #expect(try JSONParser.parse(response.body)["error"]?["code"] == "unknown_webhook_endpoint")
        }
    }

    @Test func unknownEndpoint_isCountedAndLoggedWithItsPath() async throws {
        let handler = CapturingLogHandler()
        try await withHarness(logger: Logger(label: "test", logLevel: .info, handler: handler)) { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let port = harness.runtime.port ?? 0
            for path in ["/webhooks/acme/production/stripe-mian", "/webhooks/acmee/production/stripe-main"] {
                let response = try await harness.runtime.transport.send(HTTPRequest(
                    method: "POST", url: "http://127.0.0.1:\(port)\(path)", headers: ["Content-Type": "application/json"],
                    body: Array(#"{"id": "evt_U1"}"#.utf8)))
                #expect(response.status == 404)
            }
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")
            let metrics = String(decoding: try await harness.getMetrics(token: operatorToken).body, as: UTF8.self)

            // One line for both paths: the throttle is shared, so invented paths cannot flood the log.
            let lines = handler.records.filter { $0.message == "webhook request to an unknown endpoint" }
            #expect(lines.count == 1)
            #expect(lines.first?.metadata[LogMetadataKey.httpPath] == .string("/webhooks/acme/production/stripe-mian"))
            #expect(metrics.contains(
                #"ledgerport_webhook_requests_rejected_total{connection="",reason="unknown_webhook_endpoint",tenant="\#(acme.tenant.slug)"} 1"#),
                "\(metrics)")
            #expect(metrics.contains(#"ledgerport_webhook_requests_rejected_total{connection="",reason="unknown_webhook_endpoint",tenant=""} 1"#))
        }
    }
}
