import LedgerportSDK
import Testing
@testable import StripeConnector

@Suite struct StripeEventEnvelopeTests {
    @Test func everyRecordedBody_scansToParsedIDTypeAndVersion() throws {
        for webhook in try StripeTestSupport.recordedWebhooks() {
            let parsed = try JSONParser.parse(webhook.body)
            let envelope = try #require(StripeEventEnvelope.scan(webhook.body), "\(webhook.file)")
            #expect(envelope.id == parsed["id"]?.stringValue)
            #expect(envelope.type == parsed["type"]?.stringValue)
            #expect(envelope.apiVersion == parsed["api_version"]?.stringValue)
            let object = parsed["data"]?["object"]
            let kind = object?["object"]?.stringValue ?? "?"
            let expectedKey = kind != "invoice" && object?["invoice"]?.stringValue != nil
                ? "invoice:\(object?["invoice"]?.stringValue ?? "")"
                : "\(kind):\(object?["id"]?.stringValue ?? "?")"
            #expect(envelope.objectKey == expectedKey, "\(webhook.file)")
            #expect(envelope.createdSeconds == parsed["created"]?.int64Value)
        }
    }

    @Test func objectKey_comesFromDataObjectWhateverTheKeyOrder() {
        let body = Array(#"{"id":"evt_9","data":{"previous_attributes":{"id":"old"},"object":{"amount":5,"id":"pi_1","object":"payment_intent","invoice":"in_1"}},"type":"payment_intent.succeeded"}"#.utf8)
        #expect(StripeEventEnvelope.scan(body)?.objectKey == "invoice:in_1")
    }

    @Test func paymentWithoutInvoice_hasItsOwnKey() {
        let body = Array(#"{"id":"evt_9","created":1796412227,"data":{"object":{"id":"pi_1","object":"payment_intent","invoice":null}},"type":"payment_intent.payment_failed"}"#.utf8)
        let envelope = StripeEventEnvelope.scan(body)
        #expect(envelope?.objectKey == "payment_intent:pi_1")
        #expect(envelope?.createdSeconds == 1_796_412_227)
    }

    @Test func bodyWithoutDataObject_hasNoObjectKey() {
        let body = Array(#"{"id":"evt_9","type":"ping","data":{}}"#.utf8)
        #expect(StripeEventEnvelope.scan(body)?.objectKey == nil)
    }

    @Test func malformedDataMembers_keepEnvelopeWithoutObjectKey() throws {
        let body = Array(#"{"id":"evt_9","data":{"object":{"id" "in_1"},"previous_attributes":{}},"type":"invoice.paid","created":7}"#.utf8)
        let envelope = try #require(StripeEventEnvelope.scan(body))
        #expect(envelope.id == "evt_9")
        #expect(envelope.type == "invoice.paid")
        #expect(envelope.createdSeconds == 7)
        #expect(envelope.objectKey == nil)
    }

    @Test func objectAfterOtherDataMembers_givesObjectKey() {
        let body = Array(#"{"data":{"previous_attributes":{"object":"x","id":"old"},"object":{"object":"invoice","id":"in_7"}},"id":"evt_9","type":"invoice.updated"}"#.utf8)
        #expect(StripeEventEnvelope.scan(body)?.objectKey == "invoice:in_7")
    }

    @Test func nestedIDBeforeTopLevelID_isNotTaken() {
        let body = Array(#"{"data":{"object":{"id":"in_1","type":"x","nested":[{"id":"il_1"},"}]"]}},"type":"invoice.paid","id":"evt_9"}"#.utf8)
        let envelope = StripeEventEnvelope.scan(body)
        #expect(envelope?.id == "evt_9")
        #expect(envelope?.type == "invoice.paid")
        #expect(envelope?.apiVersion == nil)
    }

    @Test(arguments: [
        #"a \"quoted\" word"#, #"ends in a backslash \\"#, #"three before a quote \\\" still inside"#, #"} ] { [ inside"#,
    ])
    func escapedStringsBeforeID_areSkippedWhole(text: String) {
        let body = Array(#"{"data":{"object":{"description":"\#(text)","id":"in_1","object":"invoice"}},"note":"\#(text)","id":"evt_9","type":"invoice.paid"}"#.utf8)
        let envelope = StripeEventEnvelope.scan(body)
        #expect(envelope?.id == "evt_9")
        #expect(envelope?.objectKey == "invoice:in_1")
    }

    @Test func unterminatedString_scansToNil() {
        #expect(StripeEventEnvelope.scan(Array(#"{"id":"evt_1","type":"x","note":"open \"#.utf8)) == nil)
    }

    @Test(arguments: ["", "[]", "{", #"{"id":"evt_1"}"#, #"{"id":1,"type":"x"}"#, #"{"id":"evt_1","type":"x""#, "not json"])
    func nonEventBody_scansToNil(text: String) {
        #expect(StripeEventEnvelope.scan(Array(text.utf8)) == nil)
    }
}
