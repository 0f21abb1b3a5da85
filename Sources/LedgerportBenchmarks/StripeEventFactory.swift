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
///
/// With ``IDOrder/sequential`` the ids grow with the copy's number, so each
/// new event id and ordering key lands at the right edge of its index. The
/// localstripe recordings' ids have no such order. With
/// ``IDOrder/scattered``, each id's digits come from a bijective mix of the
/// number, so the ids stay distinct but spread over the whole index.
/// ``IDOrder/scatteredObjects`` keeps the event ids in order and spreads only
/// the object ids, like events that arrive in creation order about objects of
/// every age.
struct StripeEventFactory: Sendable {
    /// The order of the copies' ids relative to the copies' numbers.
    enum IDOrder: String, Sendable, CaseIterable {
        /// The number itself in base 36: consecutive copies get ids that sort next to each other.
        case sequential
        /// A bijective mix of the number in base 36: consecutive copies get ids far apart, as localstripe's are.
        case scattered
        /// Sequential event ids and scattered object ids.
        case scatteredObjects = "scattered-objects"
    }

    /// The recorded body.
    let template: [UInt8]
    /// The recording's event type, such as `customer.created`.
    let eventType: String
    private let eventIDRanges: [Range<Int>]
    private let objectIDRanges: [Range<Int>]
    private let eventIDPrefix: [UInt8]
    private let objectIDPrefix: [UInt8]
    private let idOrder: IDOrder

    /// Reads the demo month's recording `file` (such as `016-customer.subscription.created.json`).
    static func recording(_ file: String, idOrder: IDOrder = .sequential) throws -> StripeEventFactory {
        guard let folder = DemoResources.stripeMonthFolder else {
            throw BenchError("read the Stripe recordings: the bundled demo events are missing", hint: "rebuild the package")
        }
        let body = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
        return try StripeEventFactory(template: body, idOrder: idOrder)
    }

    /// Prepares copies of `template`, a Stripe event whose `data.object` has an `id`.
    init(template: [UInt8], idOrder: IDOrder = .sequential) throws {
        let json = try JSONParser.parse(template)
        guard let eventID = json["id"]?.stringValue, let objectID = json["data"]?["object"]?["id"]?.stringValue,
            let type = json["type"]?.stringValue, let eventUnderscore = eventID.firstIndex(of: "_"),
            let objectUnderscore = objectID.firstIndex(of: "_")
        else {
            throw BenchError("prepare Stripe event copies: the template has no \"id\", \"type\" or \"data.object.id\"")
        }
        if idOrder != .sequential {
            // A mixed 64-bit value takes up to 13 base-36 digits.
            for id in [eventID, objectID] {
                let prefixLength = (id.split(separator: "_").first?.utf8.count ?? 0) + 1
                guard id.utf8.count - prefixLength >= 13 else {
                    throw BenchError(
                        "prepare Stripe event copies: id \"\(id)\" has fewer than 13 characters after its prefix, too few for scattered ids",
                        hint: "use --ids sequential, or a recording with longer ids")
                }
            }
        }
        self.template = template
        self.idOrder = idOrder
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
        let eventNumber = eventIDNumber(number)
        let objectNumber = objectIDNumber(number)
        for range in eventIDRanges {
            Self.writeID(eventNumber, prefix: eventIDPrefix, into: &bytes, at: (range.lowerBound + bodyOffset)..<(range.upperBound + bodyOffset))
        }
        for range in objectIDRanges {
            Self.writeID(objectNumber, prefix: objectIDPrefix, into: &bytes, at: (range.lowerBound + bodyOffset)..<(range.upperBound + bodyOffset))
        }
    }

    /// The event id of copy `number`.
    func eventID(number: Int) -> String {
        guard let range = eventIDRanges.first else {
            return ""
        }
        var bytes = Array(template[range])
        Self.writeID(eventIDNumber(number), prefix: eventIDPrefix, into: &bytes, at: 0..<bytes.count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Returns the value written into copy `number`'s event id: the number itself, or its mix for scattered ids.
    private func eventIDNumber(_ number: Int) -> UInt64 {
        idOrder == .scattered ? Self.mix(UInt64(number)) : UInt64(number)
    }

    /// Returns the value written into copy `number`'s object id: the number itself, or its mix for scattered ids.
    private func objectIDNumber(_ number: Int) -> UInt64 {
        idOrder == .sequential ? UInt64(number) : Self.mix(UInt64(number))
    }

    /// SplitMix64's finalizer, a bijection on 64-bit values: distinct numbers keep distinct ids.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The `Stripe-Signature` value for `body` signed with `secret` at `timestamp` (Unix seconds).
    static func signature(body: [UInt8], timestamp: Int64, secret: Secret) -> String {
        StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: [secret])
    }

    /// Overwrites `range` with `prefix` followed by `number` in base 36, zero-padded to fill the range.
    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    private static func writeID(_ number: UInt64, prefix: [UInt8], into bytes: inout [UInt8], at range: Range<Int>) {
        for (offset, byte) in prefix.enumerated() {
            bytes[range.lowerBound + offset] = byte
        }
        var remaining = number
        var position = range.upperBound - 1
        while position >= range.lowerBound + prefix.count {
            bytes[position] = digits[Int(remaining % 36)]
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
