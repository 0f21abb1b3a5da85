import Foundation
import LedgerportCrypto
import LedgerportSDK

/// Builds the bytes of signed webhook requests for one path and secret, each in one buffer.
///
/// The load generator shares the machine's cores with the runtime it
/// measures, so each request should cost it little. The head is prepared
/// once, and the copy's body is written into its place in the request. The
/// `Stripe-Signature` is computed over the timestamp and that body in place,
/// then written into a slot of the head. Each request is still signed when
/// it is built, with the current time, as Stripe signs.
struct SignedRequestTemplate: Sendable {
    private let factory: StripeEventFactory
    private let key: [UInt8]
    /// The head up to the signature's timestamp: request line, fixed headers and `Stripe-Signature: t=`.
    private let headStart: [UInt8]
    /// The head after the signature: `Content-Length` and the blank line.
    private let headEnd: [UInt8]

    init(factory: StripeEventFactory, path: String, secret: Secret) {
        self.factory = factory
        key = secret.withBytes { Array($0) }
        headStart = Array(
            ("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nStripe-Signature: t=").utf8)
        headEnd = Array("\r\nContent-Length: \(factory.template.count)\r\n\r\n".utf8)
    }

    /// Builds the request of copy `number`, signed at `timestamp` (Unix seconds).
    func request(number: Int, timestamp: Int64 = Int64(Date().timeIntervalSince1970)) -> [UInt8] {
        let time = Array(String(timestamp).utf8)
        let hexCount = 2 * HMACSHA256.byteCount
        var bytes = [UInt8]()
        bytes.reserveCapacity(headStart.count + time.count + 4 + hexCount + headEnd.count + factory.template.count)
        bytes += headStart
        bytes += time
        bytes += Array(",v1=".utf8)
        let signatureStart = bytes.count
        bytes += repeatElement(UInt8(ascii: "0"), count: hexCount)
        bytes += headEnd
        let bodyStart = bytes.count
        bytes += factory.template
        factory.writeIDs(number: number, into: &bytes, bodyOffset: bodyStart)

        let code = HMACSHA256.authenticationCode(key: key, messageParts: [(time + [UInt8(ascii: ".")])[...], bytes[bodyStart...]])
        let digits = Array("0123456789abcdef".utf8)
        for (index, byte) in code.enumerated() {
            bytes[signatureStart + 2 * index] = digits[Int(byte >> 4)]
            bytes[signatureStart + 2 * index + 1] = digits[Int(byte & 0x0f)]
        }
        return bytes
    }
}
