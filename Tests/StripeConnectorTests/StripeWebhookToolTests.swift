import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

/// Tests of the logic behind `ledgerport webhook verify` and `ledgerport webhook send`.
@Suite struct StripeWebhookToolTests {
    static func recorded() throws -> StripeTestSupport.RecordedWebhook {
        try #require(try StripeTestSupport.recordedWebhooks().first)
    }

    @Test func check_acceptsFullHeaderLineAndPrintsIDAndType() throws {
        let webhook = try Self.recorded()
        let line = "Stripe-Signature: " + webhook.headers["Stripe-Signature"]!
        let event = try StripeWebhookCheck.verify(headerLine: line, body: webhook.body, secrets: [StripeTestSupport.recordedSecret], now: webhook.receivedAt)
        #expect(event.eventID == "evt_mIYww8MsJp6kjs")
        #expect(event.eventType == "product.created")
    }

    @Test func check_acceptsBareHeaderValue() throws {
        let webhook = try Self.recorded()
        let event = try StripeWebhookCheck.verify(headerLine: webhook.headers["Stripe-Signature"]!, body: webhook.body, secrets: [StripeTestSupport.recordedSecret], now: webhook.receivedAt)
        #expect(event.eventID == "evt_mIYww8MsJp6kjs")
    }

    @Test func check_atLaterTime_reportsExpiry() throws {
        let webhook = try Self.recorded()
        #expect { try StripeWebhookCheck.verify(headerLine: webhook.headers["Stripe-Signature"]!, body: webhook.body, secrets: [StripeTestSupport.recordedSecret], now: webhook.receivedAt.addingTimeInterval(3600)) } throws: { error in
            (error as? WebhookRejection)?.reason == .timestampOutsideTolerance
        }
    }

    @Test func check_otherHeaderName_isRejected() throws {
        let webhook = try Self.recorded()
        #expect { try StripeWebhookCheck.verify(headerLine: "X-Signature: abc", body: webhook.body, secrets: [StripeTestSupport.recordedSecret], now: webhook.receivedAt) } throws: { error in
            (error as? WebhookRejection)?.reason == .missingSignature
        }
    }

    @Test func secretFile_readsOneSecretPerLine() {
        let secrets = StripeWebhookCheck.secrets(fromFileContents: "# rolled on 2026-12-01\nwhsec_new\n\n  whsec_old  \n")
        #expect(secrets.map { $0.revealText() } == ["whsec_new", "whsec_old"])
    }

    @Test(arguments: ["https://127.0.0.1/x", "http://127.evil.example/x", "http://10.0.0.1/x", "http://example.com/", "http://127.0.0.256/"])
    func replay_rejectsNonLoopbackURL(url: String) {
        #expect(throws: ConnectorError.self) { try StripeWebhookReplay(url: url, secrets: [Secret("whsec_x")]) }
    }

    @Test(arguments: ["http://127.0.0.1:8080/hook", "http://127.1.2.3/", "http://localhost:9000/a", "http://[::1]:9000/a"])
    func replay_acceptsLoopbackURL(url: String) throws {
        _ = try StripeWebhookReplay(url: url, secrets: [Secret("whsec_x")])
    }

    @Test func shuffle_isSameForSameSeed() throws {
        let bodies = (0..<10).map { [UInt8($0)] }
        let first = try StripeWebhookReplay(url: "http://127.0.0.1:1/", secrets: [Secret("s")], order: .shuffled(seed: 42)).plan(bodies)
        let second = try StripeWebhookReplay(url: "http://127.0.0.1:1/", secrets: [Secret("s")], order: .shuffled(seed: 42)).plan(bodies)
        #expect(first == second)
        #expect(first != bodies)
        #expect(Set(first) == Set(bodies))
    }

    @Test func recordingFile_yieldsRawBody() throws {
        let file = try Data(contentsOf: StripeTestSupport.eventsFolder.appendingPathComponent("001-product.created.json"))
        let body = StripeWebhookReplay.body(ofRecording: Array(file))
        #expect(body == (try Self.recorded()).body)
        #expect(StripeWebhookReplay.body(ofRecording: body) == body)
    }
}
