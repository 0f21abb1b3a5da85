/// The top-level `id`, `type` and `api_version` of a Stripe event, found without parsing the whole body.
///
/// Webhook verification runs on the ingest path for every request, so this
/// walks the top-level object once, skipping nested values by counting
/// brackets outside strings, and allocates only the three strings it keeps.
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
        var scanner = TopLevelScanner(bytes: body)
        var found: [String: String] = [:]
        var data: Range<Int>?
        let wanted: Set<String> = ["id", "type", "api_version"]
        let completed = scanner.forEachMember { key, valueStart, valueEnd in
            if key == "data", body[valueStart] == UInt8(ascii: "{") {
                data = valueStart..<valueEnd
                return true
            }
            if key == "created" {
                found[key] = String(decoding: body[valueStart..<valueEnd], as: UTF8.self)
                return true
            }
            guard wanted.contains(key), body[valueStart] == UInt8(ascii: "\"") else { return true }
            guard let text = TopLevelScanner.plainString(body, from: valueStart, to: valueEnd) else { return false }
            found[key] = text
            return true
        }
        guard completed, let id = found["id"], let type = found["type"], !id.isEmpty, !type.isEmpty else {
            return nil
        }
        var envelope = StripeEventEnvelope(id: id, type: type, apiVersion: found["api_version"])
        envelope.objectKey = data.flatMap { objectKey(in: Array(body[$0])) }
        envelope.createdSeconds = found["created"].flatMap { Int64($0) }
        return envelope
    }

    /// Finds `object.object` and `object.id` inside the event's `data` member.
    private static func objectKey(in data: [UInt8]) -> String? {
        var scanner = TopLevelScanner(bytes: data)
        var object: Range<Int>?
        _ = scanner.forEachMember { key, valueStart, valueEnd in
            guard key == "object", data[valueStart] == UInt8(ascii: "{") else { return true }
            object = valueStart..<valueEnd
            return false
        }
        guard let object else { return nil }
        let bytes = Array(data[object])
        var inner = TopLevelScanner(bytes: bytes)
        var fields: [String: String] = [:]
        _ = inner.forEachMember { key, valueStart, valueEnd in
            guard key == "id" || key == "object" || key == "invoice", bytes[valueStart] == UInt8(ascii: "\"") else { return true }
            fields[key] = TopLevelScanner.plainString(bytes, from: valueStart, to: valueEnd)
            return true
        }
        guard let kind = fields["object"], let id = fields["id"], !kind.isEmpty, !id.isEmpty else { return nil }
        if kind != "invoice", let invoice = fields["invoice"], !invoice.isEmpty {
            return "invoice:\(invoice)"
        }
        return "\(kind):\(id)"
    }
}

/// A cursor over the members of a JSON document's top-level object.
private struct TopLevelScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Calls `visit` with each member's key and the byte range of its value until `visit` returns false.
    ///
    /// Returns false when the text is not a well-formed sequence of members or `visit` failed on a value.
    mutating func forEachMember(_ visit: (String, Int, Int) -> Bool) -> Bool {
        skipWhitespace()
        guard consume(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            let keyStart = index
            guard skipString(), let key = Self.plainString(bytes, from: keyStart, to: index) else { return false }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            let valueStart = index
            guard valueStart < bytes.count, skipValue() else { return false }
            if !visit(key, valueStart, index) { return true }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// The text of the string literal in `start..<end` when it contains no escapes; nil otherwise.
    static func plainString(_ bytes: [UInt8], from start: Int, to end: Int) -> String? {
        guard end - start >= 2, bytes[start] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") else {
            return nil
        }
        let content = bytes[(start + 1)..<(end - 1)]
        guard !content.contains(UInt8(ascii: "\\")) else { return nil }
        return String(decoding: content, as: UTF8.self)
    }

    private mutating func skipValue() -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return skipContainer()
        default:
            while index < bytes.count, !Self.endsScalar(bytes[index]) {
                index += 1
            }
            return true
        }
    }

    private mutating func skipString() -> Bool {
        guard consume(UInt8(ascii: "\"")) else { return false }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                index += 1
                return true
            default: index += 1
            }
        }
        return false
    }

    private mutating func skipContainer() -> Bool {
        var depth = 0
        while index < bytes.count {
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
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[index]) {
            index += 1
        }
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
            || byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09
    }
}
