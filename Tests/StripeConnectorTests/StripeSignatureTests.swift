import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

@Suite struct StripeSignatureTests {
    static let body = Array(#"{"id":"evt_1","object":"event","type":"invoice.paid","api_version":"2017-08-15","created":1796412200,"data":{"object":{"id":"in_1"}}}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_796_412_200)

    static func request(header: String?, body: [UInt8] = body) -> WebhookRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let header { headers.add(name: "Stripe-Signature", value: header) }
        return WebhookRequest(method: "POST", path: "/webhooks/acme/test/stripe", headers: headers, body: body, receivedAt: now)
    }

    static func rejection(_ request: WebhookRequest, secrets: [Secret] = [StripeTestSupport.recordedSecret], now: Date = now) throws -> WebhookRejection? {
        let (connector, _) = try StripeTestSupport.connector(now: now, configuration: StripeTestSupport.configuration(secrets: secrets))
        do {
            _ = try connector.verifyWebhook(request)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyRecordedWebhook_verifiesWithRecordedSecret() throws {
        let webhooks = try StripeTestSupport.recordedWebhooks()
        #expect(webhooks.count == 51)
        for webhook in webhooks {
            let (connector, _) = try StripeTestSupport.connector(now: webhook.receivedAt)
            let request = WebhookRequest(method: "POST", path: "/stripe/webhook", headers: webhook.headers, body: webhook.body, receivedAt: webhook.receivedAt)
            let receipt = try connector.verifyWebhook(request)
            #expect(receipt.events.count == 1, "\(webhook.file)")
            #expect(receipt.events.first?.eventID == webhook.eventID, "\(webhook.file)")
            #expect(receipt.events.first?.eventType == webhook.eventType, "\(webhook.file)")
            #expect(receipt.events.first?.payload == webhook.body, "\(webhook.file)")
        }
    }

    @Test func missingHeader_isRejectedAsMissing() throws {
        let rejection = try Self.rejection(Self.request(header: nil))
        #expect(rejection?.reason == .missingSignature)
        #expect(rejection?.httpStatus == 401)
    }

    @Test(arguments: [
        "v1=abc", "t=1796412200", "t=soon,v1=\(String(repeating: "a", count: 64))",
        "t=1796412200,v1=xyz", "t=1796412200,t=1796412201,v1=\(String(repeating: "a", count: 64))", "garbage",
    ])
    func malformedHeader_isRejectedAsMalformed(header: String) throws {
        let rejection = try Self.rejection(Self.request(header: header))
        #expect(rejection?.reason == .malformedSignature)
        #expect(rejection?.message.contains("Stripe-Signature") == true)
    }

    @Test func headerWithSpacesAndOtherSchemes_parses() throws {
        let signature = String(repeating: "ab", count: 32)
        let header = try StripeSignatureHeader(parsing: " t = 1796412200 ,v0=ignored, v1=\(signature),v1=\(signature) ")

        #expect(header.timestamp == 1_796_412_200)
        #expect(header.signatures == [[UInt8]](repeating: [UInt8](repeating: 0xab, count: 32), count: 2))
    }

    @Test(arguments: ["t=,v1=\(String(repeating: "a", count: 64))", "=1796412200,v1=\(String(repeating: "a", count: 64))"])
    func emptyKeyOrValue_isNotKeyValue(header: String) {
        #expect(Self.message(parsing: header).contains("is not of the form key=value"))
    }

    /// Returns the rejection's message, or an empty text when the header parses.
    private static func message(parsing header: String) -> String {
        do {
            _ = try StripeSignatureHeader(parsing: header)
            return ""
        } catch {
            return error.message
        }
    }

    @Test func signatureFromOtherSecret_isRejectedAsMismatch() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [Secret("whsec_other")])
        let rejection = try Self.rejection(Self.request(header: header))
        #expect(rejection?.reason == .signatureMismatch)
        #expect(rejection?.message.contains("whsec_test") == false)
    }

    @Test func mismatch_keepsSecretCountOutOfTheMessage() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [Secret("whsec_other")])
        let secrets = [Secret("whsec_new_secret"), Secret("whsec_old_secret")]

        let rejection = try #require(try Self.rejection(Self.request(header: header), secrets: secrets))

        #expect(rejection.reason == .signatureMismatch)
        #expect(rejection.message.contains("2") == false)
        #expect(rejection.message.contains("secret(s)") == false)
        #expect(rejection.logDetail == "compared 1 v1 signature(s) with 2 active signing secret(s)")
        #expect(rejection.logDetail?.contains("whsec_") == false)
    }

    @Test func bodyChangedAfterSigning_isRejectedAsMismatch() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [StripeTestSupport.recordedSecret])
        var changed = Self.body
        changed[changed.count - 3] = UInt8(ascii: "2")
        let rejection = try Self.rejection(Self.request(header: header, body: changed))
        #expect(rejection?.reason == .signatureMismatch)
    }

    @Test func oldTimestamp_isRejectedAsOutsideTolerance() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200 - 301, secrets: [StripeTestSupport.recordedSecret])
        let rejection = try Self.rejection(Self.request(header: header))
        #expect(rejection?.reason == .timestampOutsideTolerance)
        #expect(rejection?.message.contains("301 s") == true)
    }

    @Test func timestampAtToleranceEdge_isAccepted() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200 - 300, secrets: [StripeTestSupport.recordedSecret])
        #expect(try Self.rejection(Self.request(header: header)) == nil)
    }

    @Test func configuredTolerance_replacesDefault() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200 - 600, secrets: [StripeTestSupport.recordedSecret])
        let configuration = StripeTestSupport.configuration(extra: ["webhook_tolerance_seconds": 900])
        let (connector, _) = try StripeTestSupport.connector(now: Self.now, configuration: configuration)
        let receipt = try connector.verifyWebhook(Self.request(header: header))
        #expect(receipt.events.first?.eventID == "evt_1")
    }

    @Test func clockMovesPastTolerance_rejectsSameRequest() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [StripeTestSupport.recordedSecret])
        let (connector, clock) = try StripeTestSupport.connector(now: Self.now)
        #expect(throws: Never.self) { try connector.verifyWebhook(Self.request(header: header)) }
        clock.advance(seconds: 301)
        #expect { try connector.verifyWebhook(Self.request(header: header)) } throws: { error in
            (error as? WebhookRejection)?.reason == .timestampOutsideTolerance
        }
    }

    @Test func rotation_acceptsOldAndNewSecretDuringOverlap() throws {
        let old = Secret("whsec_old_secret")
        let new = Secret("whsec_new_secret")
        let secrets = [new, old]
        let signedWithOld = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [old])
        let signedWithNew = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [new])
        let signedWithBoth = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [new, old])
        #expect(try Self.rejection(Self.request(header: signedWithOld), secrets: secrets) == nil)
        #expect(try Self.rejection(Self.request(header: signedWithNew), secrets: secrets) == nil)
        #expect(try Self.rejection(Self.request(header: signedWithBoth), secrets: secrets) == nil)
        #expect(try Self.rejection(Self.request(header: signedWithOld), secrets: [new])?.reason == .signatureMismatch)
    }

    @Test func noConfiguredSecret_isRejectedAsNoActiveSecret() throws {
        let header = StripeTestSupport.signatureHeader(body: Self.body, timestamp: 1_796_412_200, secrets: [StripeTestSupport.recordedSecret])
        let rejection = try Self.rejection(Self.request(header: header), secrets: [])
        #expect(rejection?.reason == .noActiveSecret)
    }

    @Test func unsupportedAPIVersion_isRejectedWithVersionNamed() throws {
        let body = Array(#"{"id":"evt_2","type":"invoice.paid","api_version":"2025-03-31.basil","data":{"object":{}}}"#.utf8)
        let header = StripeTestSupport.signatureHeader(body: body, timestamp: 1_796_412_200, secrets: [StripeTestSupport.recordedSecret])
        let rejection = try Self.rejection(Self.request(header: header, body: body))
        #expect(rejection?.reason == .unsupportedAPIVersion)
        #expect(rejection?.httpStatus == 400)
        #expect(rejection?.message.contains("\"2025-03-31.basil\"") == true)
        #expect(rejection?.message.contains("\"2024-06-20\"") == true)
    }

    @Test func signedBodyThatIsNotAnEvent_isRejectedAsMalformedPayload() throws {
        let body = Array(#"[1,2,3]"#.utf8)
        let header = StripeTestSupport.signatureHeader(body: body, timestamp: 1_796_412_200, secrets: [StripeTestSupport.recordedSecret])
        let rejection = try Self.rejection(Self.request(header: header, body: body))
        #expect(rejection?.reason == .malformedPayload)
        #expect(rejection?.httpStatus == 400)
        #expect(rejection?.message == "the body is not a Stripe event: expected a JSON object with string \"id\" and \"type\"")
    }

    @Test func signedTruncatedJSON_namesWhereItBreaks() throws {
        let body = Array("{\"id\": \"evt_x\",\n \"type\": \"customer.created\", \"data\": {".utf8)
        let header = StripeTestSupport.signatureHeader(body: body, timestamp: 1_796_412_200, secrets: [StripeTestSupport.recordedSecret])
        let rejection = try Self.rejection(Self.request(header: header, body: body))
        #expect(rejection?.reason == .malformedPayload)
        #expect(rejection?.httpStatus == 400)
        #expect(rejection?.message.hasPrefix("the body is not valid JSON at line 2, column ") == true)
        #expect(rejection?.message.contains("evt_x") == false)
    }
}
