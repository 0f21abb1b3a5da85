import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

@Suite struct StripeAPIClientTests {
    static func client(_ transport: RecordedTransport, apiKey: String = "sk_test_fixture", rate: Int? = nil) throws -> (StripeAPIClient, ManualClock) {
        var extra: JSONObject = [:]
        if let rate { extra["requests_per_second"] = .number(JSONNumber(rate)) }
        let configuration = StripeTestSupport.configuration(apiKey: apiKey, extra: extra)
        let (connector, clock) = try StripeTestSupport.connector(http: transport, configuration: configuration)
        return (connector.client, clock)
    }

    static let emptyList: HTTPResponse = .json(200, ["object": "list", "data": [], "has_more": false])

    /// Compares delays to within a microsecond, the resolution of `Date` at present-day Unix times.
    static func expectDelays(_ actual: [Double], _ expected: [Double]) {
        #expect(actual.count == expected.count, "delays \(actual), expected \(expected)")
        for (left, right) in zip(actual, expected) {
            #expect(abs(left - right) < 1e-6, "delay \(left), expected \(right)")
        }
    }

    @Test func serverErrorsAndRateLimit_retryWithExactBackoff() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [
            .json(503, ["error": ["message": "busy"]]), .json(502, [:]),
            .json(429, ["error": ["message": "Too many requests"]], headers: ["Retry-After": "7"]), Self.emptyList,
        ]])
        let (client, clock) = try Self.client(transport)
        _ = try await client.listPage("/v1/customers")
        #expect(transport.requests.count == 4)
        // Equal jitter with a fraction of 0.5 waits three quarters of 0.5 s, 1 s, then Retry-After's 7 s.
        Self.expectDelays(clock.sleeps, [0.375, 0.75, 7])
    }

    @Test func persistentServerError_givesUpAfterFiveAttempts() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [.json(500, ["error": ["message": "boom"]])]])
        let (client, clock) = try Self.client(transport)
        await #expect { try await client.listPage("/v1/customers") } throws: { error in
            guard let error = error as? ConnectorError else { return false }
            return error.failureClass == .transient && error.code == "stripe_server_error" && error.targetMessage == "boom"
        }
        #expect(transport.requests.count == 5)
        Self.expectDelays(clock.sleeps, [0.375, 0.75, 1.5, 3])
    }

    @Test func authenticationFailure_isConfigurationErrorWithoutRetry() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [.json(401, ["error": ["message": "Invalid API Key provided"]])]])
        let (client, clock) = try Self.client(transport)
        await #expect { try await client.listPage("/v1/customers") } throws: { error in
            guard let error = error as? ConnectorError else { return false }
            return error.failureClass == .configuration && error.message.contains("HTTP 401") && !error.message.contains("sk_test")
        }
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func shouldRetryFalse_stopsRetryOfServerError() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [.json(500, [:], headers: ["Stripe-Should-Retry": "false"])]])
        let (client, _) = try Self.client(transport)
        await #expect(throws: ConnectorError.self) { try await client.listPage("/v1/customers") }
        #expect(transport.requests.count == 1)
    }

    @Test func testKey_pacesRequestsAtTwentyFivePerSecond() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [Self.emptyList]])
        let (client, clock) = try Self.client(transport)
        for _ in 0..<30 {
            _ = try await client.listPage("/v1/customers")
        }
        Self.expectDelays(clock.sleeps, Array(repeating: 0.04, count: 5))
    }

    @Test func liveKey_pacesRequestsAtOneHundredPerSecond() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [Self.emptyList]])
        let (client, clock) = try Self.client(transport, apiKey: "sk_live_fixture")
        for _ in 0..<101 {
            _ = try await client.listPage("/v1/customers")
        }
        Self.expectDelays(clock.sleeps, [0.01])
    }

    @Test func configuredRate_overridesKeyMode() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [Self.emptyList]])
        let (client, clock) = try Self.client(transport, rate: 2)
        for _ in 0..<3 {
            _ = try await client.listPage("/v1/customers")
        }
        Self.expectDelays(clock.sleeps, [0.5])
    }

    @Test func retriedWrite_keepsItsIdempotencyKey() async throws {
        let transport = RecordedTransport(["POST /v1/customers": [.json(500, [:]), .json(200, ["id": "cus_1", "object": "customer"])]])
        let (client, _) = try Self.client(transport)
        let json = try await client.post("/v1/customers", form: [("email", "a+b@example.com"), ("metadata[odoo_id]", "7")], idempotencyKey: "cus-acme-0001")
        #expect(json["id"] == "cus_1")
        #expect(transport.requests.count == 2)
        #expect(transport.requests.allSatisfy { $0.headers["Idempotency-Key"] == "cus-acme-0001" })
        #expect(transport.requests.allSatisfy { $0.headers["Stripe-Version"] == "2017-08-15" })
        #expect(String(decoding: transport.requests[0].body, as: UTF8.self) == "email=a%2Bb%40example.com&metadata%5Bodoo_id%5D=7")
    }

    @Test func readRequest_sendsNoIdempotencyKey() async throws {
        let transport = RecordedTransport(["GET /v1/customers": [Self.emptyList]])
        let (client, _) = try Self.client(transport)
        _ = try await client.listPage("/v1/customers", limit: 3)
        #expect(transport.requests.first?.headers["Idempotency-Key"] == nil)
        #expect(transport.requests.first?.url.hasSuffix("/v1/customers?limit=3") == true)
    }
}
