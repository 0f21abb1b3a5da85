import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct DefaultMappingTests {
    static let defaults: [Mapping] = {
        do {
            return try DefaultMappings.load(environment: TestSupport.environment)
        } catch {
            preconditionFailure("the default mappings do not validate: \(error)")
        }
    }()

    /// Finds the default mapping for an event, as the runtime would route it.
    static func mapping(for event: CanonicalEvent) -> Mapping? {
        defaults.first { $0.source.objectType == event.object.objectType && $0.source.eventTypes.contains(event.type) }
    }

    /// Evaluates the defaults over the recorded Stripe scenario and returns the operations by event file.
    static func recordedOperations() async throws -> [(file: String, operations: [TargetOperation])] {
        try await RecordedStripeEvents.all().compactMap { file, event in
            guard let mapping = mapping(for: event) else { return nil }
            return (file, try MappingEvaluator.evaluate(mapping, event: event, context: TestSupport.context()))
        }
    }

    @Test func list_namesEveryDefaultWithVersionAndPath() throws {
        let entries = try DefaultMappings.list()
        #expect(entries.map(\.name) == [
            "hubspot_deal_to_odoo", "stripe_credit_note_to_odoo", "stripe_customer_to_odoo", "stripe_invoice_to_odoo",
            "stripe_payment_to_odoo", "stripe_refund_to_odoo", "stripe_subscription_to_odoo",
        ])
        #expect(entries.map(\.version) == ["1.0.0", "1.0.0", "1.0.0", "1.0.0", "1.0.0", "1.0.0", "1.1.0"])
        #expect(entries.first?.repositoryPath == "mappings/defaults/hubspot_deal_to_odoo.json")
        #expect(entries.allSatisfy { FileManager.default.fileExists(atPath: $0.url.path) })
    }

    @Test func everyDefault_validatesAndNamesItsFile() throws {
        #expect(Self.defaults.count == 7)
        for mapping in Self.defaults {
            #expect(mapping.file == "mappings/defaults/\(mapping.name).json")
            #expect(mapping.target.connector == "odoo")
        }
    }

    @Test func recordedScenario_evaluatesEveryHandledEvent() async throws {
        let results = try await Self.recordedOperations()
        // 15 customer, 14 invoice, 8 payment and 7 subscription events, two of them cancellations.
        #expect(results.count == 44)
        #expect(results.allSatisfy { !$0.operations.isEmpty })
    }

    @Test func endedSubscription_cancelsItsOrderWithoutRewritingIt() async throws {
        let operations = try await Self.recordedOperations().filter { $0.file.contains("subscription.deleted") }.flatMap(\.operations)
        #expect(operations.filter { $0.model == "sale.order" }.map(\.action) == [.cancel, .cancel])
    }

    @Test func recordedScenario_registersEachSucceededPaymentOnce() async throws {
        let payments = try await Self.recordedOperations().flatMap(\.operations).filter { $0.action == .registerPayment }
        #expect(payments.map(\.externalID) == [
            "stripe_payment_pi_i7vsqisloqii14", "stripe_payment_pi_hpiw791sz3oapk", "stripe_payment_pi_3otor9jvxaxen2",
            "stripe_payment_pi_q88jow0mokfq9d", "stripe_payment_pi_hk4qjuayj1gp1m",
        ])
        var totals = [String: Int64]()
        for payment in payments {
            guard case .money(let amount)? = payment.values["amount"] else {
                Issue.record("payment \(payment.externalID) has no amount")
                continue
            }
            totals[amount.currency.rawValue, default: 0] += amount.minorUnits
        }
        #expect(totals == ["EUR": 2900 + 7000 + 89100, "USD": 3200, "JPY": 4500])
    }

    @Test func succeededPayment_postsItsInvoiceFirst() async throws {
        let operations = try await Self.recordedOperations().first { $0.file.hasPrefix("011-") }!.operations
        #expect(operations.map(\.action) == [.post, .registerPayment])
        #expect(operations[0].externalID == "stripe_invoice_in_f14ppnrxvvo9ii")
        #expect(operations[1]["invoice"] == ["$ref": ["model": "account.move", "external_id": "stripe_invoice_in_f14ppnrxvvo9ii"]])
        #expect(operations[1]["journal_code"] == nil)
        #expect(operations[1]["date"] == ["$date": "2026-12-04"])
    }

    @Test func failedPayments_raiseOneDunningActivityEach() async throws {
        let activities = try await Self.recordedOperations().flatMap(\.operations).filter { $0.action == .addActivity }
        #expect(activities.map(\.externalID) == [
            "stripe_payment_pi_jdlrupqwl8dqcr_failed", "stripe_payment_pi_ak4gallhsdn9tt_failed", "stripe_payment_pi_vpb4twa2mpdtgu_failed",
        ])
        #expect(activities[0]["record"] == ["$ref": ["model": "account.move", "external_id": "stripe_invoice_in_askl9e6axluvyc"]])
        #expect(activities[0]["summary"] == "Payment failed: Your card was declined.")
        #expect(activities[2]["record"] == ["$ref": ["model": "res.partner", "external_id": "stripe_customer_cus_zdulrolyjqudc2"]])
        #expect(activities[2]["note"] == "Stripe payment pi_VPB4twa2MPDtGu of 150.00 USD failed. Contact the customer or retry the payment in Stripe.")
    }

    @Test func prorationInvoice_keepsNegativeLinesAndExpectsTheTotal() async throws {
        let upsert = try await Self.recordedOperations().first { $0.file.hasPrefix("027-") }!.operations[0]
        #expect(upsert.action == .upsert)
        guard case .list(let lines)? = upsert.values["lines"] else {
            Issue.record("the invoice has no lines")
            return
        }
        #expect(lines.map { $0.json["price_unit"] } == [["$decimal": "99.00"], ["$decimal": "-29.00"]])
        #expect(lines.map { $0.json["external_id"] } == ["stripe_invoice_line_il_f0j7fhcmnnhwwf", "stripe_invoice_line_il_ptemifuqlunrvm"])
        #expect(upsert.expectations.first == AmountExpectation(field: "amount_total", expected: Money(minorUnits: 7000, currency: "EUR")))
    }

    @Test func yenInvoice_hasWholeYenPrices() async throws {
        let upsert = try await Self.recordedOperations().first { $0.file.hasPrefix("020-") }!.operations[0]
        #expect(upsert["currency"] == "JPY")
        #expect(upsert["lines"]?[0]?["price_unit"] == ["$decimal": "4500"])
        #expect(upsert.expectations.first?.expected == Money(minorUnits: 4500, currency: "JPY"))
    }

    @Test func draftInvoice_isUpsertedButNotPosted() async throws {
        let created = try await Self.recordedOperations().first { $0.file.hasPrefix("010-") }!.operations
        #expect(created.map(\.action) == [.upsert])
        let paid = try await Self.recordedOperations().first { $0.file.hasPrefix("012-") }!.operations
        #expect(paid.map(\.action) == [.upsert, .post])
    }

    @Test func customerWithoutName_isNamedByEmail() async throws {
        let operations = try await Self.recordedOperations().first { $0.file.hasPrefix("035-") }!.operations
        #expect(operations.count == 1)
        #expect(operations[0]["name"] == "idem@example.com")
        #expect(operations[0]["phone"] == nil)
    }

    @Test func deletedCustomer_isArchivedNotUpserted() async throws {
        let operations = try await Self.recordedOperations().first { $0.file.hasPrefix("034-") }!.operations
        #expect(operations.map(\.action) == [.archive])
        #expect(operations[0].externalID == "stripe_customer_cus_1hvl3jeuvr9isj")
    }

    @Test func incompleteSubscription_staysAQuotation() async throws {
        let results = try await Self.recordedOperations()
        let active = results.first { $0.file.hasPrefix("013-") }!.operations
        let incomplete = results.first { $0.file.hasPrefix("016-") }!.operations
        #expect(active.map(\.action) == [.upsert, .upsert, .confirmOrder])
        #expect(incomplete.map(\.action) == [.upsert, .upsert])
        #expect(active[0].externalID == "stripe_product_prod_ed1c3desrnzvv2")
        #expect(active[1]["lines"]?[0]?["product"] == ["$ref": ["model": "product.product", "external_id": "stripe_product_prod_ed1c3desrnzvv2"]])
        #expect(active[1].expectations.first?.expected == Money(minorUnits: 2900, currency: "EUR"))
    }
}
