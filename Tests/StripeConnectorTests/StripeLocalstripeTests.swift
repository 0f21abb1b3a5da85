import Foundation
import LedgerportSDK
import LedgerportTestSupport
import Testing
@testable import StripeConnector

/// Tests of the connector against a real localstripe 1.15.10 on 127.0.0.1.
@Suite(.serialized) struct StripeLocalstripeTests {
    static func connector(_ server: LocalstripeServer) throws -> StripeConnector {
        let configuration = StripeTestSupport.configuration(apiKey: "sk_test_localstripe", baseURL: server.baseURL)
        let context = StripeTestSupport.context(http: LocalstripeServer.http, clock: SystemClock())
        return try StripeConnector(configuration: configuration, context: context, jitter: FixedJitter(0.5))
    }

    /// Creates a product, a plan, three subscribed customers paying by card, and one partial refund.
    static func seed(_ client: StripeAPIClient) async throws -> (customers: [String], refundedCharge: String) {
        let product = try await client.post("/v1/products", form: [("name", "Connector Pro"), ("type", "service")], idempotencyKey: "seed-product")
        let productID = try #require(product["id"]?.stringValue)
        _ = try await client.post("/v1/plans", form: [
            ("id", "pro-monthly-eur"), ("product", productID), ("amount", "2900"), ("currency", "eur"), ("interval", "month"),
        ], idempotencyKey: "seed-plan")

        var customers = [String]()
        for index in 1...3 {
            let customer = try await client.post("/v1/customers", form: [
                ("name", "Customer \(index)"), ("email", "billing\(index)@example.com"),
                ("payment_method", "pm_card_visa"), ("invoice_settings[default_payment_method]", "pm_card_visa"),
            ], idempotencyKey: "seed-customer-\(index)")
            let customerID = try #require(customer["id"]?.stringValue)
            _ = try await client.post("/v1/subscriptions", form: [("customer", customerID), ("items[0][plan]", "pro-monthly-eur")], idempotencyKey: "seed-subscription-\(index)")
            customers.append(customerID)
        }

        let charges = try await client.get("/v1/charges", query: [("customer", customers[0])])
        let chargeID = try #require(charges["data"]?[0]?["id"]?.stringValue)
        _ = try await client.post("/v1/refunds", form: [("charge", chargeID), ("amount", "1000")], idempotencyKey: "seed-refund")
        return (customers, chargeID)
    }

    /// Runs a backfill of `object` page by page with `pageSize`, returning every event and the number of pages.
    static func backfillAll(_ connector: StripeConnector, object: String, pageSize: Int = 2) async throws -> ([CanonicalEvent], Int) {
        var events = [CanonicalEvent]()
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await connector.backfill(BackfillRequest(object: object, cursor: cursor, pageSize: pageSize))
            events += page.events
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 20
        return (events, pages)
    }

    @Test func backfill_listsEveryObjectAcrossPages() async throws {
        let server = try await LocalstripeServer.start()
        defer { server.stop() }
        let connector = try Self.connector(server)
        let seeded = try await Self.seed(connector.client)

        let description = try await connector.checkConnection()
        #expect(description.contains("2017-08-15"))

        let (customers, customerPages) = try await Self.backfillAll(connector, object: "customer")
        #expect(Set(customers.map(\.object.id)) == Set(seeded.customers))
        #expect(customerPages == 2)

        let (subscriptions, _) = try await Self.backfillAll(connector, object: "subscription")
        #expect(subscriptions.count == 3)
        #expect(subscriptions.allSatisfy { $0.type == .subscriptionUpdated })

        let (invoices, _) = try await Self.backfillAll(connector, object: "invoice")
        #expect(invoices.count == 3)
        #expect(invoices.allSatisfy { $0.type == .invoicePaid })

        let (payments, _) = try await Self.backfillAll(connector, object: "charge")
        #expect(payments.count == 3)
        #expect(payments.allSatisfy { $0.type == .paymentSucceeded })

        let (refunds, _) = try await Self.backfillAll(connector, object: "refund")
        #expect(refunds.count == 1)
        guard case .refund(let refund) = refunds.first?.object else { Issue.record("no refund listed"); return }
        #expect(refund.amount == Money(minorUnits: 1000, currency: "EUR"))
        #expect(refund.chargeID == seeded.refundedCharge)

        for event in customers + subscriptions + invoices + payments + refunds {
            #expect(CanonicalInvariants.violations(of: event) == [], "\(event.id)")
        }
    }

    @Test func unknownBackfillObject_isConfigurationError() async throws {
        let server = try await LocalstripeServer.start()
        defer { server.stop() }
        let connector = try Self.connector(server)
        await #expect { try await connector.backfill(BackfillRequest(object: "payout")) } throws: { error in
            (error as? ConnectorError)?.failureClass == .configuration
        }
    }
}
