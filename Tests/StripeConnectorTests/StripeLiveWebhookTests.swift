import Foundation
import LedgerportSDK
import LedgerportTestSupport
import Testing
@testable import StripeConnector

/// Webhooks over real HTTP on 127.0.0.1: from localstripe, and from the replay tool.
@Suite(.serialized) struct StripeLiveWebhookTests {
    static let secret = Secret("whsec_live_localstripe_test")

    @Test func localstripeWebhooks_verifyAndTranslate() async throws {
        let server = try await LocalstripeServer.start()
        defer { server.stop() }
        let receiver = try LoopbackWebhookReceiver()
        let transport = LocalstripeServer.http
        let register = HTTPRequest(
            method: "POST", url: "\(server.baseURL)/_config/webhooks/ledgerport",
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Array("url=\(StripeFormEncoding.escape(receiver.url))&secret=\(Self.secret.revealText())".utf8)
        )
        #expect(try await transport.send(register).status == 200)

        let configuration = StripeTestSupport.configuration(apiKey: "sk_test_localstripe", secrets: [Self.secret], baseURL: server.baseURL)
        let context = StripeTestSupport.context(http: transport, clock: SystemClock())
        let connector = try StripeConnector(configuration: configuration, context: context, jitter: FixedJitter(0.5))
        let customer = try await connector.client.post("/v1/customers", form: [("name", "Live Webhook GmbH"), ("email", "live@example.com")], idempotencyKey: "live-customer")
        let customerID = try #require(customer["id"]?.stringValue)

        // localstripe waits one second before it posts each event.
        let requests = try await receiver.waitForRequests(1)
        let request = try #require(requests.first, "localstripe posted no webhook within 15 s")
        let receipt = try connector.verifyWebhook(request)
        #expect(receipt.events.first?.eventType == "customer.created")

        let received = try #require(receipt.events.first)
        let events = try await connector.translate(NativeEvent(eventID: received.eventID, eventType: received.eventType, payload: received.payload, receivedAt: Date()))
        #expect(events.first?.type == .customerCreated)
        #expect(events.first?.object.id == customerID)
        await receiver.stop()
    }

    @Test func refusedRequest_keepsEarlierDeliveries() async throws {
        let receiver = try LoopbackWebhookReceiver()
        let url = receiver.url
        let bodies = try StripeTestSupport.recordedWebhooks().prefix(2).map(\.body)
        let secondID = try #require(StripeEventEnvelope.scan(bodies[1])?.id)
        // The delay leaves time to stop the receiver after the first request, so the second one is refused.
        let replay = try StripeWebhookReplay(url: url, secrets: [Self.secret], delaySeconds: 3)
        let reported = EventIDRecorder()

        let sending = Task {
            try await replay.send(Array(bodies), transport: LocalstripeServer.http, clock: SystemClock()) { delivery in
                reported.append(delivery.eventID)
            }
        }
        _ = try await receiver.waitForRequests(1)
        await receiver.stop()
        let result = await sending.result

        #expect(reported.eventIDs.count == 1)
        guard case .failure(let error) = result else {
            Issue.record("the second request reached a stopped receiver")
            return
        }
        let message = (error as? ConnectorError)?.message ?? "\(error)"
        #expect(message.contains("send webhook 2 (\(secondID)) to \(url), after 1 delivered"), "\(message)")
    }

    @Test func replay_sendsDuplicatedReversedDelayedEventsThatVerify() async throws {
        let receiver = try LoopbackWebhookReceiver()
        let bodies = try StripeTestSupport.recordedWebhooks().prefix(3).map(\.body)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_796_412_500))
        let replay = try StripeWebhookReplay(url: receiver.url, secrets: [Self.secret], copies: 2, order: .reversed, delaySeconds: 30)

        let deliveries = try await replay.send(Array(bodies), transport: LocalstripeServer.http, clock: clock)

        let expectedIDs = ["evt_5aSvOS3HR1NULs", "evt_5aSvOS3HR1NULs", "evt_n6keopV2V81kG6", "evt_n6keopV2V81kG6", "evt_mIYww8MsJp6kjs", "evt_mIYww8MsJp6kjs"]
        #expect(deliveries.map(\.eventID) == expectedIDs)
        #expect(deliveries.allSatisfy { $0.status == 200 })
        #expect(deliveries.map(\.duplicate) == [false, true, false, true, false, true])
        #expect(clock.sleeps == Array(repeating: 30, count: 5))

        let requests = try await receiver.waitForRequests(6)
        let configuration = StripeTestSupport.configuration(secrets: [Self.secret])
        let connector = try StripeConnector(configuration: configuration, context: StripeTestSupport.context(clock: clock), jitter: FixedJitter(0.5))
        // The clock is at the last signing time, and the first delivery was signed 150 s earlier, inside the tolerance.
        #expect(try requests.map { try connector.verifyWebhook($0).events[0].eventID } == expectedIDs)
        await receiver.stop()
    }
}

/// The event ids of the deliveries a replay reported so far.
private final class EventIDRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var eventIDs: [String] { lock.withLock { recorded } }

    func append(_ eventID: String) {
        lock.withLock { recorded.append(eventID) }
    }
}
