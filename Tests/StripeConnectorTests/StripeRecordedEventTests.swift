import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

@Suite struct StripeRecordedEventTests {
    @Test func everyRecordedEvent_translatesIntoValidCanonicalEvents() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        var translatedTypes = Set<String>()
        for webhook in try StripeTestSupport.recordedWebhooks() {
            let events = try await connector.translate(StripeTestSupport.nativeEvent(webhook.body))
            // Plans are stored only: their amounts reach the target through invoice lines.
            let expectedCount = webhook.eventType.hasPrefix("plan.") ? 0 : 1
            #expect(events.count == expectedCount, "\(webhook.file) gave \(events.count) events")
            for event in events {
                #expect(event.id == webhook.eventID, "\(webhook.file)")
                #expect(event.source.nativeType == webhook.eventType)
                #expect(event.source.apiVersion == "2017-08-15")
                #expect(CanonicalInvariants.violations(of: event) == [], "\(webhook.file)")
                let bytes = try JSONValueEncoder().encodeBytes(event)
                let decoded = try JSONValueDecoder().decode(CanonicalEvent.self, from: bytes)
                #expect(decoded == event, "\(webhook.file) does not survive a JSON round trip")
            }
            if expectedCount > 0 {
                translatedTypes.insert(webhook.eventType)
            }
        }
        #expect(translatedTypes.isSubset(of: StripeEventRouter.handledTypes))
        #expect(translatedTypes.count == 11)
    }

    @Test func jpyInvoice_keepsZeroDecimalAmounts() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let webhook = try #require(try StripeTestSupport.recordedWebhooks().first { $0.file == "020-invoice.created.json" })
        let event = try #require(try await connector.translate(StripeTestSupport.nativeEvent(webhook.body)).first)
        guard case .invoice(let invoice) = event.object else { Issue.record("not an invoice"); return }
        #expect(invoice.currency == "JPY")
        #expect(invoice.total == Money(minorUnits: 4500, currency: "JPY"))
        #expect(try invoice.total.decimalString() == "4500")
    }

    @Test func paymentIntentUnderInvoice_sharesInvoiceOrderingKey() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let webhooks = try StripeTestSupport.recordedWebhooks()
        let created = try #require(webhooks.first { $0.file == "010-invoice.created.json" })
        let payment = try #require(webhooks.first { $0.file == "011-payment_intent.succeeded.json" })
        let paid = try #require(webhooks.first { $0.file == "012-invoice.payment_succeeded.json" })
        let createdEvent = try #require(try await connector.translate(StripeTestSupport.nativeEvent(created.body)).first)
        let paymentEvent = try #require(try await connector.translate(StripeTestSupport.nativeEvent(payment.body)).first)
        let paidEvent = try #require(try await connector.translate(StripeTestSupport.nativeEvent(paid.body)).first)

        #expect(paymentEvent.ordering.key == "invoice:in_f14PpNRxvVo9ii")
        #expect(createdEvent.ordering.key == paymentEvent.ordering.key)
        #expect(paidEvent.ordering.key == paymentEvent.ordering.key)
        #expect(createdEvent.ordering.version < paymentEvent.ordering.version)
        #expect(paymentEvent.ordering.version < paidEvent.ordering.version)
        #expect(paymentEvent.type == .paymentSucceeded)
        #expect(paidEvent.type == .invoicePaid)
    }

    @Test func failedPayment_carriesDeclineReason() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let webhook = try #require(try StripeTestSupport.recordedWebhooks().first { $0.file == "041-payment_intent.payment_failed.json" })
        let event = try #require(try await connector.translate(StripeTestSupport.nativeEvent(webhook.body)).first)
        guard case .payment(let payment) = event.object else { Issue.record("not a payment"); return }
        #expect(event.type == .paymentFailed)
        #expect(payment.status == .failed)
        #expect(payment.failureCode == "card_declined")
        #expect(payment.chargeID == "ch_kHYPojkGfGAdIb")
        #expect(payment.invoiceID == "in_aSkL9e6aXLUvYc")
    }

    @Test func deletedCustomer_isMarkedDeletedAndOrderedLast() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let webhooks = try StripeTestSupport.recordedWebhooks()
        let created = try #require(webhooks.first { $0.file == "018-customer.created.json" })
        let deleted = try #require(webhooks.first { $0.file == "034-customer.deleted.json" })
        let createdEvent = try #require(try await connector.translate(StripeTestSupport.nativeEvent(created.body)).first)
        let deletedEvent = try #require(try await connector.translate(StripeTestSupport.nativeEvent(deleted.body)).first)
        guard case .customer(let customer) = deletedEvent.object else { Issue.record("not a customer"); return }
        #expect(deletedEvent.type == .customerDeleted)
        #expect(customer.deleted)
        #expect(createdEvent.ordering.key == deletedEvent.ordering.key)
        #expect(createdEvent.ordering.version < deletedEvent.ordering.version)
    }

    @Test func cancelAtPeriodEnd_isCarriedOnSubscription() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let object = try StripeTestSupport.recordedObject("023-customer.subscription.created.json")
            .setting("cancel_at_period_end", to: true)
        let body = StripeTestSupport.eventBody(id: "evt_cancel", type: "customer.subscription.updated", created: 1_796_412_170, object: object)
        let event = try #require(try await connector.translate(StripeTestSupport.nativeEvent(body)).first)
        guard case .subscription(let subscription) = event.object else { Issue.record("not a subscription"); return }
        #expect(event.type == .subscriptionUpdated)
        #expect(subscription.cancelAtPeriodEnd)
        #expect(subscription.currency == "JPY")
        #expect(subscription.items.first?.unitAmount == Money(minorUnits: 4500, currency: "JPY"))
        #expect(subscription.items.first?.recurrence == Recurrence(interval: .month))
    }

    @Test func unhandledEventType_translatesToNothing() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let body = StripeTestSupport.eventBody(id: "evt_pm", type: "payment_method.attached", created: 1_796_412_170, object: ["id": "pm_1"])
        #expect(try await connector.translate(StripeTestSupport.nativeEvent(body)).isEmpty)
    }

    @Test func storedEventWithUnsupportedVersion_failsWithConfigurationError() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let body = StripeTestSupport.eventBody(id: "evt_new", type: "invoice.paid", created: 1, object: ["id": "in_1"], apiVersion: "2025-03-31.basil")
        await #expect { try await connector.translate(StripeTestSupport.nativeEvent(body)) } throws: { error in
            guard let error = error as? ConnectorError else { return false }
            return error.failureClass == .configuration && error.message.contains("\"2025-03-31.basil\"") && error.message.contains("evt_new")
        }
    }

    @Test func invoiceWithoutCurrency_failsNamingEventAndField() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        var object = try StripeTestSupport.recordedObject("010-invoice.created.json").objectValue!
        object["currency"] = nil
        let body = StripeTestSupport.eventBody(id: "evt_broken", type: "invoice.created", created: 1_796_412_147, object: .object(object))
        await #expect { try await connector.translate(StripeTestSupport.nativeEvent(body)) } throws: { error in
            guard let error = error as? ConnectorError else { return false }
            return error.code == "stripe_missing_field" && error.message.contains("\"evt_broken\"")
                && error.message.contains("\"data.object.currency\"") && error.hint != nil
        }
    }
}
