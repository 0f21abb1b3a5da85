import Foundation
import LedgerportDemoData
import LedgerportSDK
import StripeConnector

/// Copies of one recorded Stripe webhook with a distinct event id and object id each, signed as Stripe signs them.
///
/// Every copy keeps the recording's bytes and size: the event id
/// (`evt_...`) and the object id (`cus_...`, `sub_...`) are overwritten in
/// place, wherever they occur, with ids of the same length made from the
/// copy's number. Distinct event ids matter: copies with one id would be
/// stored once and later batches would write nothing.
struct StripeEventFactory: Sendable {
    /// The recorded body.
    let template: [UInt8]
    /// The recording's event type, such as `customer.created`.
    let eventType: String
    private let eventIDRanges: [Range<Int>]
    private let objectIDRanges: [Range<Int>]
    private let eventIDPrefix: [UInt8]
    private let objectIDPrefix: [UInt8]

    /// Reads the demo month's recording `file` (such as `016-customer.subscription.created.json`).
    static func recording(_ file: String) throws -> StripeEventFactory {
        guard let folder = DemoResources.stripeMonthFolder else {
            throw BenchError("read the Stripe recordings: the bundled demo events are missing", hint: "rebuild the package")
        }
        let body = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
        return try StripeEventFactory(template: body)
    }

    /// Prepares copies of `template`, a Stripe event whose `data.object` has an `id`.
    init(template: [UInt8]) throws {
        let json = try JSONParser.parse(template)
        guard let eventID = json["id"]?.stringValue, let objectID = json["data"]?["object"]?["id"]?.stringValue,
            let type = json["type"]?.stringValue, let eventUnderscore = eventID.firstIndex(of: "_"),
            let objectUnderscore = objectID.firstIndex(of: "_")
        else {
            throw BenchError("prepare Stripe event copies: the template has no \"id\", \"type\" or \"data.object.id\"")
        }
        self.template = template
        eventType = type
        eventIDRanges = Self.ranges(of: Array(eventID.utf8), in: template)
        objectIDRanges = Self.ranges(of: Array(objectID.utf8), in: template)
        eventIDPrefix = Array(eventID[...eventUnderscore].utf8)
        objectIDPrefix = Array(objectID[...objectUnderscore].utf8)
    }

    /// The body of copy `number`: the template with the event id and object id made from `number`.
    func body(number: Int) -> [UInt8] {
        var body = template
        writeIDs(number: number, into: &body, bodyOffset: 0)
        return body
    }

    /// Writes copy `number`'s event id and object id into a copy of the template that starts at `bodyOffset` in `bytes`.
    func writeIDs(number: Int, into bytes: inout [UInt8], bodyOffset: Int) {
        for range in eventIDRanges {
            Self.writeID(number, prefix: eventIDPrefix, into: &bytes, at: (range.lowerBound + bodyOffset)..<(range.upperBound + bodyOffset))
        }
        for range in objectIDRanges {
            Self.writeID(number, prefix: objectIDPrefix, into: &bytes, at: (range.lowerBound + bodyOffset)..<(range.upperBound + bodyOffset))
        }
    }

    /// The event id of copy `number`.
    func eventID(number: Int) -> String {
        guard let range = eventIDRanges.first else {
            return ""
        }
        var bytes = Array(template[range])
        Self.writeID(number, prefix: eventIDPrefix, into: &bytes, at: 0..<bytes.count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `Stripe-Signature` value for `body` signed with `secret` at `timestamp` (Unix seconds).
    static func signature(body: [UInt8], timestamp: Int64, secret: Secret) -> String {
        StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: [secret])
    }

    /// Overwrites `range` with `prefix` followed by `number` in base 36, zero-padded to fill the range.
    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    private static func writeID(_ number: Int, prefix: [UInt8], into bytes: inout [UInt8], at range: Range<Int>) {
        for (offset, byte) in prefix.enumerated() {
            bytes[range.lowerBound + offset] = byte
        }
        var remaining = number
        var position = range.upperBound - 1
        while position >= range.lowerBound + prefix.count {
            bytes[position] = digits[remaining % 36]
            remaining /= 36
            position -= 1
        }
        precondition(remaining == 0, "copy number \(number) does not fit in an id of \(range.count) characters")
    }

    /// Every place where `needle` occurs in `haystack`.
    private static func ranges(of needle: [UInt8], in haystack: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, haystack.count >= needle.count else {
            return []
        }
        var found = [Range<Int>]()
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) {
                found.append(start..<(start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }
}
