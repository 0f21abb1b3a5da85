import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

/// Subscription updates: plan and quantity changes, trial end, and detecting an older state.
@Suite struct StripeSubscriptionChangeTests {
    static func translate(_ object: JSONValue, id: String, created: Int64) async throws -> CanonicalEvent {
        let (connector, _) = try StripeTestSupport.connector()
        let body = StripeTestSupport.eventBody(id: id, type: "customer.subscription.updated", created: created, object: object)
        return try #require(try await connector.translate(StripeTestSupport.nativeEvent(body)).first)
    }

    static func upgraded() throws -> JSONValue {
        let original = try StripeTestSupport.recordedObject("013-customer.subscription.created.json")
        var item = original["items"]!["data"]![0]!
        let plan: JSONValue = ["id": "biz-monthly-eur", "object": "plan", "amount": 9900, "currency": "eur", "interval": "month", "interval_count": 1, "product": "prod_NhQQEXcZTtIKBw", "nickname": "biz-monthly-eur"]
        item = item.setting("plan", to: plan).setting("quantity", to: 3)
        return original.setting("items", to: ["object": "list", "data": [item], "has_more": false])
            .setting("plan", to: plan).setting("quantity", to: 3)
            .setting("status", to: "trialing").setting("trial_end", to: 1_797_000_000).setting("trial_start", to: 1_796_412_147)
    }

    @Test func planAndQuantityChange_areInItems() async throws {
        let event = try await Self.translate(try Self.upgraded(), id: "evt_upgrade", created: 1_796_412_170)
        guard case .subscription(let subscription) = event.object else { Issue.record("not a subscription"); return }
        #expect(subscription.items.count == 1)
        #expect(subscription.items[0].priceID == "biz-monthly-eur")
        #expect(subscription.items[0].productID == "prod_NhQQEXcZTtIKBw")
        #expect(subscription.items[0].quantity == ExactDecimal(3))
        #expect(subscription.items[0].unitAmount == Money(minorUnits: 9900, currency: "EUR"))
        #expect(subscription.status == .trialing)
        #expect(subscription.trialEnd == Date(timeIntervalSince1970: 1_797_000_000))
    }

    @Test func olderState_hasLowerOrderingVersion() async throws {
        let newer = try await Self.translate(try Self.upgraded(), id: "evt_newer", created: 1_796_412_170)
        let older = try await Self.translate(try StripeTestSupport.recordedObject("013-customer.subscription.created.json"), id: "evt_older", created: 1_796_412_150)
        #expect(newer.ordering.key == older.ordering.key)
        #expect(older.ordering.version < newer.ordering.version)
    }

    @Test func cancellationInSameSecond_sortsAfterActiveState() async throws {
        let active = try StripeTestSupport.recordedObject("013-customer.subscription.created.json")
        let canceled = active.setting("status", to: "canceled").setting("ended_at", to: 1_796_412_170)
        let activeEvent = try await Self.translate(active, id: "evt_active", created: 1_796_412_170)
        let canceledEvent = try await Self.translate(canceled, id: "evt_canceled", created: 1_796_412_170)
        #expect(activeEvent.ordering.version < canceledEvent.ordering.version)
    }
}
