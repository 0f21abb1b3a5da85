import Foundation
import LedgerportSDK

/// The top-level `id`, `type` and `api_version` of a Stripe event, found without parsing the whole body.
///
/// Webhook verification runs on the ingest path for every request, so this
/// walks the body once, skipping nested values by counting brackets outside
/// strings, and allocates only the strings it keeps.
/// It finds the event's own `id`, never the `id` of `data.object`, whatever
/// the key order. It does not validate the JSON beyond what it walks; the
/// full parse happens later, in translation.
struct StripeEventEnvelope: Sendable, Equatable {
    let id: String
    let type: String
    /// Nil when the field is absent or null.
    let apiVersion: String?
    /// The ordering key of the changed object: the invoice's (`invoice:in_1`) for an invoice and for
    /// a payment, charge or credit note of one, else `<object type>:<id>` from `data.object`.
    var objectKey: String? = nil
    /// The event's `created` time in seconds, when the body has it.
    var createdSeconds: Int64? = nil

    /// Scans `body`; returns nil when it is not an object with string `id` and `type` members.
    static func scan(_ body: [UInt8]) -> StripeEventEnvelope? {
        body.withUnsafeBufferPointer { scan(TopLevelScanner(bytes: $0)) }
    }

    private static func scan(_ reader: TopLevelScanner) -> StripeEventEnvelope? {
        var cursor = reader
        var id: String?
        var type: String?
        var apiVersion: String?
        var created: Int64?
        var objectKey: String?

        let completed = cursor.forEachMember { key, scanner in
            if reader.matches(key, "data"), scanner.startsValue(with: UInt8(ascii: "{")) {
                objectKey = objectKeyWalkingData(&scanner)
                return true
            }
            guard let value = scanner.skipValue() else { return false }
            if reader.matches(key, "created") {
                created = reader.integer(in: value)
            } else if reader.matches(key, "id") || reader.matches(key, "type") || reader.matches(key, "api_version") {
                guard reader.starts(value, with: UInt8(ascii: "\"")) else { return true }
                guard let text = reader.plainString(in: value) else { return false }
                if reader.matches(key, "id") {
                    id = text
                } else if reader.matches(key, "type") {
                    type = text
                } else {
                    apiVersion = text
                }
            }
            return true
        }
        guard completed, let id, let type, !id.isEmpty, !type.isEmpty else {
            return nil
        }

        var envelope = StripeEventEnvelope(id: id, type: type, apiVersion: apiVersion)
        envelope.objectKey = objectKey
        envelope.createdSeconds = created
        return envelope
    }

    /// Walks the `data` object at the scanner's position, moves past it and returns the ordering key of `data.object`.
    ///
    /// The walk reads `data.object`'s members in the same pass that moves past
    /// `data`, because skipping the object first and reading it afterwards went
    /// over most of the body three times. When the members inside are not
    /// well formed, it skips `data` by its brackets instead and returns nil.
    private static func objectKeyWalkingData(_ scanner: inout TopLevelScanner) -> String? {
        let dataStart = scanner.index
        var kind: String?
        var id: String?
        var invoice: String?
        let walked = scanner.forEachMember { key, inData in
            guard inData.matches(key, "object"), inData.startsValue(with: UInt8(ascii: "{")) else {
                return inData.skipValue() != nil
            }
            return inData.forEachMember { key, inObject in
                guard let value = inObject.skipValue() else { return false }
                guard inObject.starts(value, with: UInt8(ascii: "\"")) else { return true }
                if inObject.matches(key, "id") {
                    id = inObject.plainString(in: value)
                } else if inObject.matches(key, "object") {
                    kind = inObject.plainString(in: value)
                } else if inObject.matches(key, "invoice") {
                    invoice = inObject.plainString(in: value)
                }
                return true
            }
        }
        guard walked else {
            scanner.index = dataStart
            _ = scanner.skipValue()
            return nil
        }
        guard let kind, let id, !kind.isEmpty, !id.isEmpty else { return nil }
        if kind != "invoice", let invoice, !invoice.isEmpty {
            return "invoice:\(invoice)"
        }
        return "\(kind):\(id)"
    }
}

/// A cursor over the members of one JSON object within a byte buffer.
///
/// It reads the buffer in place: keys are compared as bytes and values are
/// handed out as byte ranges, so scanning allocates only the strings the
/// caller keeps. The buffer must outlive the scanner, which is why it only
/// lives inside `withUnsafeBufferPointer`.
private struct TopLevelScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The number of bytes in the buffer.
    let end: Int
    var index: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
        index = 0
    }

    /// Calls `visit` with each member's key (the text between the quotes) and the scanner at the member's value.
    ///
    /// `visit` moves the scanner past the value, with ``skipValue()`` or a
    /// nested walk, and returns false when the value is not well formed.
    /// Returns false when the text is not a well-formed sequence of members or `visit` returned false.
    mutating func forEachMember(_ visit: (Range<Int>, inout TopLevelScanner) -> Bool) -> Bool {
        skipWhitespace()
        guard consume(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            let keyStart = index
            guard skipString(), !contains(UInt8(ascii: "\\"), in: keyStart..<index) else { return false }
            let key = (keyStart + 1)..<(index - 1)
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard index < end, visit(key, &self) else { return false }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// Returns whether the value at the scanner's position begins with `byte`.
    func startsValue(with byte: UInt8) -> Bool {
        index < end && bytes[index] == byte
    }

    /// Returns whether the key at `range` is exactly `name`.
    func matches(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let start = name.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != start[offset] {
            return false
        }
        return true
    }

    /// Returns whether the value at `range` begins with `byte`.
    func starts(_ range: Range<Int>, with byte: UInt8) -> Bool {
        !range.isEmpty && bytes[range.lowerBound] == byte
    }

    /// Returns the text of the string literal at `range` when it contains no escapes, else nil.
    func plainString(in range: Range<Int>) -> String? {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""), bytes[range.upperBound - 1] == UInt8(ascii: "\"") else {
            return nil
        }
        let content = (range.lowerBound + 1)..<(range.upperBound - 1)
        guard !contains(UInt8(ascii: "\\"), in: content) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self)
    }

    /// Returns the whole number written at `range`, or nil when it is not one that fits in 64 bits.
    func integer(in range: Range<Int>) -> Int64? {
        guard !range.isEmpty else { return nil }
        var value: Int64 = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }

    private func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
        for index in range where bytes[index] == byte {
            return true
        }
        return false
    }

    /// Moves past the value at the scanner's position and returns its byte range, or nil when it is not well formed.
    mutating func skipValue() -> Range<Int>? {
        let start = index
        guard index < end else { return nil }
        let skipped: Bool
        switch bytes[index] {
        case UInt8(ascii: "\""):
            skipped = skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            skipped = skipContainer()
        default:
            while index < end, !Self.endsScalar(bytes[index]) {
                index += 1
            }
            skipped = true
        }
        return skipped ? start..<index : nil
    }

    /// Skips a string literal, jumping from quote to quote with `memchr`: most of a Stripe body is text inside strings.
    ///
    /// A quote ends the string unless an odd number of backslashes precedes it.
    private mutating func skipString() -> Bool {
        guard consume(UInt8(ascii: "\"")), let base = bytes.baseAddress else { return false }
        let contentStart = index
        var position = index
        while position < end {
            guard let found = memchr(base + position, Int32(UInt8(ascii: "\"")), end - position) else {
                return false
            }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 >= contentStart, base[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 0 {
                index = quote + 1
                return true
            }
            position = quote + 1
        }
        return false
    }

    private mutating func skipContainer() -> Bool {
        var depth = 0
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    index += 1
                    return true
                }
            default: break
            }
            index += 1
        }
        return false
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < end, Self.isWhitespace(bytes[index]) {
            index += 1
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isWhitespace(byte)
    }
}

extension StripeEventEnvelope {
    /// Builds the rejection of a body that ``scan(_:)`` could not read, naming where the JSON breaks when it is not JSON.
    ///
    /// Parsing runs only on this error path. The message gives the line and column, never text from the body.
    static func malformedPayload(_ body: [UInt8]) -> WebhookRejection {
        let reason: String
        do {
            _ = try JSONParser.parse(body)
            reason = "the body is not a Stripe event: expected a JSON object with string \"id\" and \"type\""
        } catch {
            reason = "the body is not valid JSON at line \(error.line), column \(error.column); send the event as Stripe sent it, unchanged"
        }
        return WebhookRejection(.malformedPayload, reason, httpStatus: 400)
    }
}
