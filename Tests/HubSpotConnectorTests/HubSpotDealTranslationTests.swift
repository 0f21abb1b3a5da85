import Foundation
import LedgerportSDK
import Testing
@testable import HubSpotConnector

@Suite struct HubSpotDealTranslationTests {
    static func receivedEvents(_ file: String) throws -> (HubSpotConnector, HubSpotAPIDouble, [ReceivedEvent]) {
        let recorded = try HubSpotTestSupport.recorded(file)
        let api = HubSpotAPIDouble()
        let now = Date(timeIntervalSince1970: Double(recorded.timestampMilliseconds) / 1000)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: now, http: api)
        let receipt = try connector.verifyWebhook(HubSpotTestSupport.webhookRequest(recorded))
        return (connector, api, receipt.events)
    }

    static func translate(_ connector: HubSpotConnector, _ event: ReceivedEvent) async throws -> [CanonicalEvent] {
        try await connector.translate(NativeEvent(eventID: event.eventID, eventType: event.eventType, payload: event.payload, receivedAt: Date(timeIntervalSince1970: 0)))
    }

    @Test(arguments: [HubSpotTestSupport.legacyFile, HubSpotTestSupport.genericFile])
    func closedWonStage_becomesClosedWonDeal(file: String) async throws {
        let (connector, api, events) = try Self.receivedEvents(file)
        let stageEvent = try #require(events.first)
        let translated = try await Self.translate(connector, stageEvent)

        #expect(translated.count == 1)
        let event = try #require(translated.first)
        #expect(event.type == .dealClosedWon)
        #expect(event.id == stageEvent.eventID)
        #expect(event.ordering == EventOrdering(key: "deal:28751034567", version: 1_796_412_300_123))
        guard case .deal(let deal) = event.object else { Issue.record("not a deal"); return }
        #expect(deal.isClosedWon)
        #expect(deal.amount == Money(minorUnits: 1_200_000, currency: "EUR"))
        #expect(deal.closeDate == "2026-12-04")
        #expect(deal.customer?.kind == .company)
        #expect(deal.customer?.name == "Acme Robotics GmbH")
        #expect(deal.customer?.address?.country == "DE")
        #expect(deal.customer?.contacts.map(\.email) == ["erika@acme-robotics.example", "max@acme-robotics.example"])
        #expect(deal.lineItems.count == 2)
        #expect(deal.lineItems[0].recurrence == Recurrence(interval: .year))
        #expect(deal.lineItems[0].unitPrice == Money(minorUnits: 990_000, currency: "EUR"))
        #expect(deal.lineItems[1].recurrence == nil)
        #expect(deal.lineItems[1].quantity == ExactDecimal(2))
        #expect(deal.lineItems[1].discountPercent == ExactDecimal(10))

        // Millisecond dates come back as a nearby Double, so the round trip compares JSON forms.
        let encoded = try JSONValueEncoder().encodeBytes(event)
        let decoded = try JSONValueDecoder().decode(CanonicalEvent.self, from: encoded)
        #expect(try JSONValueEncoder().encodeBytes(decoded) == encoded)
        #expect(api.requests.map(\.method) == ["GET", "POST", "POST", "GET"])
        #expect(api.requests[0].url.contains("associations=companies,contacts,line_items"))
    }

    @Test func companyCountryName_becomesISOCode() throws {
        let company = HubSpotAPIDouble.company.setting("properties", to: ["name": "Acme Robotics GmbH", "country": "Germany"])

        let customer = try HubSpotCustomerTranslator.company(company)

        #expect(customer?.address?.country == "DE")
    }

    @Test func unknownCompanyCountry_isBusinessError() throws {
        let company = HubSpotAPIDouble.company.setting("properties", to: ["name": "Acme Robotics GmbH", "country": "Atlantis"])

        let error = #expect(throws: ConnectorError.self) { try HubSpotCustomerTranslator.company(company) }

        #expect(error?.code == "hubspot_unknown_country")
        #expect(error?.failureClass == .business)
        #expect(error?.message.contains(#"property "country" is "Atlantis""#) == true, "\(String(describing: error?.message))")
        #expect(error?.hint?.contains("then replay the event") == true)
    }

    @Test func otherDealChanges_becomeDealUpdated() async throws {
        let (connector, _, events) = try Self.receivedEvents(HubSpotTestSupport.legacyFile)
        let amountChange = try #require(try await Self.translate(connector, events[1]).first)
        #expect(amountChange.type == .dealUpdated)
        let lost = try #require(try await Self.translate(connector, events[2]).first)
        #expect(lost.type == .dealUpdated)
        guard case .deal(let deal) = lost.object else { Issue.record("not a deal"); return }
        #expect(!deal.isClosedWon)
        #expect(lost.ordering == EventOrdering(key: "deal:28751099001", version: 1_796_325_900_123))
    }

    @Test func closedWonFlag_alsoBecomesClosedWon() async throws {
        let (connector, _, events) = try Self.receivedEvents(HubSpotTestSupport.genericFile)
        let flag = try #require(try await Self.translate(connector, events[1]).first)
        #expect(flag.type == .dealClosedWon)
        #expect(flag.ordering.key == "deal:28751034567")
    }

    @Test(arguments: [("P1M", Recurrence(interval: .month)), ("P3M", Recurrence(interval: .month, intervalCount: 3)), ("P24M", Recurrence(interval: .year, intervalCount: 2)), ("P2W", Recurrence(interval: .week, intervalCount: 2)), ("P1Y", Recurrence(interval: .year))])
    func billingPeriod_parsesToRecurrence(text: String, expected: Recurrence) {
        #expect(HubSpotLineItemTranslator.parsePeriod(text) == expected)
    }

    @Test func backfill_listsDealsAcrossPages() async throws {
        let api = HubSpotAPIDouble()
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [], now: Date(timeIntervalSince1970: 1_796_500_000), http: api)
        let first = try await connector.backfill(BackfillRequest(object: "deal", pageSize: 1))
        #expect(first.nextCursor == "28751034568")
        #expect(first.events.map(\.type) == [.dealClosedWon])
        let second = try await connector.backfill(BackfillRequest(object: "deal", cursor: first.nextCursor, pageSize: 1))
        #expect(second.nextCursor == nil)
        #expect(second.events.map(\.type) == [.dealUpdated])
        guard case .deal(let lost) = second.events.first?.object else { Issue.record("not a deal"); return }
        #expect(!lost.isClosedWon)
        #expect(lost.customer == nil)
    }

    @Test func wrongAccessToken_isConfigurationError() async throws {
        let api = HubSpotAPIDouble()
        let clock = ManualClock(Date(timeIntervalSince1970: 0))
        var configuration = HubSpotTestSupport.configuration(secrets: [])
        configuration = ConnectorConfiguration(values: configuration.values, secrets: ["access_token": [Secret("pat-wrong")]])
        let context = ConnectorContext(tenantID: "acme", connectionID: "h", environment: "test", http: api, clock: clock, logger: .disabled)
        let connector = try HubSpotConnector(configuration: configuration, context: context)
        await #expect { try await connector.checkConnection() } throws: { error in
            (error as? ConnectorError)?.failureClass == .configuration
        }
    }
}
