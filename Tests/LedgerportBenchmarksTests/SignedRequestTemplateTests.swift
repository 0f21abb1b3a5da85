import Foundation
@testable import LedgerportBenchmarks
import LedgerportSDK
import StripeConnector
import Testing

/// The load generator's requests: the copy's body after a head whose signature Stripe's scheme accepts.
@Suite struct SignedRequestTemplateTests {
    @Test func request_carriesTheCopyAndAValidSignature() throws {
        let factory = try StripeEventFactory.recording("008-customer.created.json")
        let secret = Secret("whsec_bench_template")
        let template = SignedRequestTemplate(factory: factory, path: "/webhooks/acme/production/stripe-main", secret: secret)

        let bytes = template.request(number: 7, timestamp: 1_796_412_162)
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        let signature = head.first { $0.hasPrefix("Stripe-Signature: ") }?.dropFirst("Stripe-Signature: ".count)
        let expected = StripeEventFactory.signature(body: factory.body(number: 7), timestamp: 1_796_412_162, secret: secret)

        #expect(head[0] == "POST /webhooks/acme/production/stripe-main HTTP/1.1")
        #expect(Array(parts[1].utf8) == factory.body(number: 7))
        #expect(head.contains("Content-Length: \(factory.template.count)"))
        #expect(signature.map(String.init) == expected)
    }
}
