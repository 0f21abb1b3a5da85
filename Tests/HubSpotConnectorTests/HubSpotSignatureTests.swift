import Foundation
import LedgerportSDK
import Testing
@testable import HubSpotConnector

@Suite struct HubSpotSignatureTests {
    static func now(_ recorded: HubSpotTestSupport.RecordedRequest, plusSeconds seconds: Double = 2) -> Date {
        Date(timeIntervalSince1970: Double(recorded.timestampMilliseconds) / 1000 + seconds)
    }

    static func rejection(_ request: WebhookRequest, connector: HubSpotConnector) -> WebhookRejection? {
        do {
            _ = try connector.verifyWebhook(request)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [HubSpotTestSupport.legacyFile, HubSpotTestSupport.genericFile])
    func recordedRequest_verifiesAndSplitsBatch(file: String) throws {
        let recorded = try HubSpotTestSupport.recorded(file)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded))
        let receipt = try connector.verifyWebhook(HubSpotTestSupport.webhookRequest(recorded))
        let elements = try JSONParser.parse(recorded.body).arrayValue!
        #expect(receipt.events.count == elements.count)
        for (event, element) in zip(receipt.events, elements) {
            #expect(event.eventID == element["eventId"]!.int64Value.map(String.init))
            #expect(event.eventType == element["subscriptionType"]?.stringValue)
            #expect(try JSONParser.parse(event.payload) == element)
        }
    }

    @Test(arguments: [HubSpotTestSupport.legacyFile, HubSpotTestSupport.genericFile])
    func recordedEvents_carryDealOrderingKeyAndTime(file: String) throws {
        let recorded = try HubSpotTestSupport.recorded(file)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded))
        let receipt = try connector.verifyWebhook(HubSpotTestSupport.webhookRequest(recorded))
        let elements = try JSONParser.parse(recorded.body).arrayValue!
        for (event, element) in zip(receipt.events, elements) {
            #expect(event.orderingKey == "deal:\(element["objectId"]!.int64Value!)")
            #expect(event.orderingVersion == element["occurredAt"]?.int64Value)
        }
    }

    @Test func legacyFormatBatch_hasThreeEventsWithRetryIncluded() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.legacyFile)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded))
        let receipt = try connector.verifyWebhook(HubSpotTestSupport.webhookRequest(recorded))
        #expect(receipt.events.map(\.eventID) == ["1834265012", "1834265013", "1834265020"])
    }

    @Test func timestampOlderThanFiveMinutes_isRejected() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.genericFile)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded, plusSeconds: 301))
        #expect(Self.rejection(HubSpotTestSupport.webhookRequest(recorded), connector: connector)?.reason == .timestampOutsideTolerance)
    }

    @Test func otherSecret_isRejectedAsMismatch() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.genericFile)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [Secret("another-secret")], now: Self.now(recorded))
        #expect(Self.rejection(HubSpotTestSupport.webhookRequest(recorded), connector: connector)?.reason == .signatureMismatch)
    }

    @Test func mismatch_keepsSecretCountOutOfTheMessage() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.genericFile)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [Secret("new-secret"), Secret("old-secret")], now: Self.now(recorded))

        let rejection = try #require(Self.rejection(HubSpotTestSupport.webhookRequest(recorded), connector: connector))

        #expect(rejection.reason == .signatureMismatch)
        #expect(rejection.message.contains("2") == false)
        #expect(rejection.message.contains("secret(s)") == false)
        #expect(rejection.logDetail == "compared with 2 active client secret(s)")
    }

    @Test func rotation_acceptsOldSecretWhileNewIsConfigured() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.genericFile)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [Secret("new-secret"), recorded.secret], now: Self.now(recorded))
        #expect(Self.rejection(HubSpotTestSupport.webhookRequest(recorded), connector: connector) == nil)
    }

    @Test func changedBody_isRejectedAsMismatch() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.genericFile)
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded))
        let body = Array(String(decoding: recorded.body, as: UTF8.self).replacingOccurrences(of: "closedwon", with: "closedlost").utf8)
        #expect(Self.rejection(HubSpotTestSupport.webhookRequest(recorded, body: body), connector: connector)?.reason == .signatureMismatch)
    }

    @Test func missingV3Signature_isRejectedUnlessLegacyAllowed() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.legacyFile)
        var headers = HTTPHeaders()
        for field in recorded.headers where !field.name.hasPrefix("X-HubSpot-Signature-v3") && field.name != "X-HubSpot-Request-Timestamp" {
            headers.add(name: field.name, value: field.value)
        }
        let request = HubSpotTestSupport.webhookRequest(recorded, headers: headers)
        let (strict, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded))
        #expect(Self.rejection(request, connector: strict)?.reason == .missingSignature)

        let (lenient, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded), allowLegacy: true)
        #expect(Self.rejection(request, connector: lenient) == nil)
    }

    @Test func malformedTimestamp_isRejectedAsMalformed() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.genericFile)
        var headers = recorded.headers
        headers.replaceOrAdd(name: "X-HubSpot-Request-Timestamp", value: "yesterday")
        let (connector, _) = try HubSpotTestSupport.connector(secrets: [recorded.secret], now: Self.now(recorded))
        #expect(Self.rejection(HubSpotTestSupport.webhookRequest(recorded, headers: headers), connector: connector)?.reason == .malformedSignature)
    }

    @Test func encodedURICharacters_areDecodedBeforeSigning() {
        #expect(HubSpotSignatureVerifier.decodedURI("https://x.example/a%3Ab%2Fc?d=%40e") == "https://x.example/a:b/c?d=@e")
    }
}

@Suite struct HubSpotPortalTests {
    @Test func eventFromOtherPortal_rejectsBatch() throws {
        let recorded = try HubSpotTestSupport.recorded(HubSpotTestSupport.genericFile)
        let now = Date(timeIntervalSince1970: Double(recorded.timestampMilliseconds) / 1000)
        let clock = ManualClock(now)
        var values = HubSpotTestSupport.configuration(secrets: [recorded.secret]).values
        values["portal_id"] = 99
        let configuration = ConnectorConfiguration(values: values, secrets: ["client_secret": [recorded.secret], "access_token": [Secret("pat-eu1-fixture")]])
        let context = ConnectorContext(tenantID: "acme", connectionID: "h", environment: "test", http: HubSpotAPIDouble(), clock: clock, logger: .disabled)
        let connector = try HubSpotConnector(configuration: configuration, context: context)
        #expect { try connector.verifyWebhook(HubSpotTestSupport.webhookRequest(recorded)) } throws: { error in
            guard let rejection = error as? WebhookRejection else { return false }
            return rejection.reason.rawValue == "portal_mismatch" && rejection.message.contains("48151623")
        }
    }
}
