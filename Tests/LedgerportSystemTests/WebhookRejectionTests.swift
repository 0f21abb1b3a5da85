import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite(.serialized) struct WebhookRejectionTests {
    private func storedEvents(_ harness: SystemHarness) async throws -> Int {
        try await harness.runtime.store.events(tenant: harness.tenant.tenant.id, connection: nil, after: nil, limit: 100).count
    }

    private func errorCode(_ response: HTTPResponse) -> String? {
        (try? JSONParser.parse(response.body))?["error"]?["code"]?.stringValue
    }

    @Test func badRequests_getTheirStatusAndStoreNothing() async throws {
        let harness = try await SystemHarness.start(maximumRequestBytes: 16_384)
        defer { Task { await harness.stop() } }
        let body = StripeBodies.file("008-customer.created.json")

        let oversized = try await harness.post(body + Array(repeating: UInt8(ascii: " "), count: 20_000))
        let malformed = try await harness.post(Array(#"{"id": "evt_broken", "type": }"#.utf8))
        let wrongSecret = try await harness.transport.send(HTTPRequest(
            method: "POST", url: harness.webhookURL, headers: ["Stripe-Signature": "t=\(Int(Date().timeIntervalSince1970)),v1=" + String(repeating: "ab", count: 32)],
            body: body
        ))
        let unsigned = try await harness.transport.send(HTTPRequest(method: "POST", url: harness.webhookURL, body: body))
        let expired = try await harness.post(body, signedAt: Date().addingTimeInterval(-3_600))
        let unknownTenant = try await harness.transport.send(HTTPRequest(
            method: "POST", url: "http://127.0.0.1:\(harness.runtime.port ?? 0)/webhooks/nobody/production/stripe-main", body: body
        ))
        let wrongMethod = try await harness.transport.send(HTTPRequest(method: "GET", url: harness.webhookURL))

        #expect(oversized.status == 413)
        #expect(malformed.status == 400)
        #expect(errorCode(malformed) == "malformed_payload")
        #expect(wrongSecret.status == 401)
        #expect(errorCode(wrongSecret) == "signature_mismatch")
        let mismatchMessage = try #require((try? JSONParser.parse(wrongSecret.body))?["error"]?["message"]?.stringValue)
        #expect(!mismatchMessage.contains("secret(s)"), "the response tells a sender how many secrets the connection has: \(mismatchMessage)")
        #expect(unsigned.status == 401)
        #expect(errorCode(unsigned) == "missing_signature")
        #expect(expired.status == 401)
        #expect(errorCode(expired) == "timestamp_outside_tolerance")
        #expect(unknownTenant.status == 404)
        #expect(wrongMethod.status == 405)
        #expect(try await storedEvents(harness) == 0)

        let accepted = try await harness.post(body)
        #expect(accepted.status == 200)
        #expect(try await storedEvents(harness) == 1)
    }

    @Test func rejections_areCountedByReason() async throws {
        let harness = try await SystemHarness.start()
        defer { Task { await harness.stop() } }
        let body = StripeBodies.file("008-customer.created.json")
        for _ in 0..<3 {
            _ = try await harness.post(body, signedAt: Date().addingTimeInterval(-3_600))
        }

        let rejected = harness.runtime.metrics.value(
            "ledgerport_webhook_requests_rejected_total",
            labels: ["tenant": "northwind", "connection": "stripe-main", "reason": "timestamp_outside_tolerance"]
        )
        #expect(rejected == 3)
    }

    @Test func oversizedRequest_isCountedAndNamesTheSetting() async throws {
        let harness = try await SystemHarness.start(maximumRequestBytes: 16_384)
        defer { Task { await harness.stop() } }
        let body = StripeBodies.file("008-customer.created.json")
        // A first webhook warms the tenant and connector caches, so the rejection is counted before the 413 is sent.
        _ = try await harness.post(body)

        let oversized = try await harness.post(body + Array(repeating: UInt8(ascii: " "), count: 20_000))

        #expect(oversized.status == 413)
        let message = try #require((try? JSONParser.parse(oversized.body))?["error"]?["message"]?.stringValue)
        #expect(message.contains("http.max_request_bytes"))
        let rejected = harness.runtime.metrics.value(
            "ledgerport_webhook_requests_rejected_total",
            labels: ["tenant": "northwind", "connection": "stripe-main", "reason": "payload_too_large"]
        )
        #expect(rejected == 1)
    }
}
