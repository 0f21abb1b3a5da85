/// Parses JSON text (RFC 8259) into a ``JSONValue``.
///
/// The parser reads UTF-8 bytes, keeps numbers exact, rejects duplicate
/// object keys (a document whose meaning depends on which duplicate wins is
/// not accepted), limits nesting depth, and reports the byte offset, line and
/// column of the first error.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 256

    /// The input, borrowed for the duration of ``parse(_:)``. A parser lives only inside the closure that lends it.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// The members of the objects being parsed, innermost last.
    ///
    /// An object's members wait here until it closes, then are sorted by key
    /// and move into an array of exactly their count (see ``JSONObject``).
    /// Reserving room per object instead left small objects oversized, which
    /// costs memory per idle tenant, whose connections and flows keep small
    /// parsed objects.
    private var pendingMembers: [JSONObject.Member] = []
    /// The byte offset of each pending member's key, for the message about a duplicate.
    private var pendingOffsets: [Int] = []
    /// The index in ``pendingMembers`` of each open object's first member, innermost last.
    private var openObjectStarts: [Int] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses a complete JSON document from UTF-8 bytes.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable(parseDocument) ?? Array(bytes).withUnsafeBufferPointer(parseDocument)
        return try result.get()
    }

    /// Parses a complete JSON document from a string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8)
    }

    private static func parseDocument(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: bytes)
        do throws(JSONParseError) {
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            guard parser.index == parser.bytes.count else {
                throw parser.error("unexpected text after the JSON value")
            }
            return .success(value)
        } catch {
            return .failure(parser.duplicateKey(before: error) ?? error)
        }
    }

    /// The first duplicate key among the members of the objects still open, when it comes before `failure`.
    ///
    /// An object's keys are checked for duplicates when it closes, so an error
    /// inside it is found first. A duplicate before that error is the first
    /// thing wrong with the document, so it is reported instead.
    private func duplicateKey(before failure: JSONParseError) -> JSONParseError? {
        var first: (key: String, offset: Int)?
        for (level, start) in openObjectStarts.enumerated() {
            let end = level + 1 < openObjectStarts.count ? openObjectStarts[level + 1] : pendingMembers.count
            var seen = Set<[UInt8]>()
            for index in start..<end where !seen.insert(Array(pendingMembers[index].key.utf8)).inserted {
                let offset = pendingOffsets[index]
                if offset < failure.offset, first.map({ offset < $0.offset }) ?? true {
                    first = (pendingMembers[index].key, offset)
                }
            }
        }
        return first.map { error("duplicate object key \"\($0.key)\"", at: $0.offset) }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else {
            throw error("unexpected end of input, expected a value")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseKeyword("true", value: .bool(true))
        case UInt8(ascii: "f"): return try parseKeyword("false", value: .bool(false))
        case UInt8(ascii: "n"): return try parseKeyword("null", value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character \(describe(bytes[index])), expected a value")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object([:])
        }
        let firstMember = pendingMembers.count
        openObjectStarts.append(firstMember)
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw error("expected a string key in the object")
            }
            let keyOffset = index
            let key = try parseString()
            // The member waits with a null value while its value is parsed, so that a duplicate of this key,
            // which comes first in the text, is reported before an error inside the value.
            let slot = pendingMembers.count
            pendingMembers.append(JSONObject.Member(key: key, value: .null))
            pendingOffsets.append(keyOffset)
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "expected ':' after an object key")
            skipWhitespace()
            pendingMembers[slot].value = try parseValue()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "expected ',' or '}' in the object")
            depth -= 1
            return .object(try takeMembers(from: firstMember))
        }
    }

    /// Moves the pending members from `first` on into an object, sorted by key.
    ///
    /// - Throws: a duplicate key, at the offset of its second occurrence.
    private mutating func takeMembers(from first: Int) throws(JSONParseError) -> JSONObject {
        defer {
            pendingMembers.removeSubrange(first...)
            pendingOffsets.removeSubrange(first...)
            openObjectStarts.removeLast()
        }
        var inOrder = true
        var position = first + 1
        while position < pendingMembers.count {
            if pendingMembers[position - 1].compare(to: pendingMembers[position]) >= 0 {
                inOrder = false
                break
            }
            position += 1
        }
        if inOrder {
            return JSONObject(sortedUniqueMembers: Array(pendingMembers[first...]))
        }
        // Sorting positions moves integers, not members.
        let order = (first..<pendingMembers.count).sorted { left, right in
            let comparison = pendingMembers[left].compare(to: pendingMembers[right])
            return comparison != 0 ? comparison < 0 : left < right
        }
        var duplicate: Int?
        for (previous, current) in zip(order, order.dropFirst()) where pendingMembers[previous].compare(to: pendingMembers[current]) == 0 {
            if duplicate.map({ pendingOffsets[current] < pendingOffsets[$0] }) ?? true {
                duplicate = current
            }
        }
        if let duplicate {
            throw error("duplicate object key \"\(pendingMembers[duplicate].key)\"", at: pendingOffsets[duplicate])
        }
        return JSONObject(sortedUniqueMembers: order.map { pendingMembers[$0] })
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        index += 1
        var elements = [JSONValue]()
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "expected ',' or ']' in the array")
            depth -= 1
            return .array(elements)
        }
    }

    /// Parses the string that starts at the current quote.
    ///
    /// Most strings have no escape, so they are made from their bytes in the
    /// input directly. At the first backslash, ``parseEscapedString(start:runStart:)`` takes over.
    private mutating func parseString() throws(JSONParseError) -> String {
        let start = index
        index += 1
        let runStart = index
        var highBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(UnsafeBufferPointer(rebasing: bytes[runStart..<index]), isASCII: highBits < 0x80, start: start)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(start: start, runStart: runStart)
            }
            if byte < 0x20 {
                throw error("control character \(describe(byte)) inside a string must be escaped")
            }
            highBits |= byte
            index += 1
        }
        throw error("unterminated string", at: start)
    }

    /// Parses the rest of a string from the backslash at the current index, copying its bytes with their escapes resolved.
    private mutating func parseEscapedString(start: Int, runStart: Int) throws(JSONParseError) -> String {
        var scalars = [UInt8]()
        var runStart = runStart
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                return try scalars.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                    try makeString(buffer, isASCII: false, start: start)
                }
            }
            if byte < 0x20 {
                throw error("control character \(describe(byte)) inside a string must be escaped")
            }
            if byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try parseEscape(into: &scalars)
                runStart = index
                continue
            }
            index += 1
        }
        throw error("unterminated string", at: start)
    }

    /// Creates the string of the UTF-8 bytes `text`, or throws at the string's `start` when they are not valid UTF-8.
    ///
    /// `String(decoding:as:)` replaces invalid sequences with U+FFFD instead of
    /// failing, so its result equals the input exactly when the input is valid.
    /// Pure ASCII is always valid and skips that comparison.
    private func makeString(_ text: UnsafeBufferPointer<UInt8>, isASCII: Bool, start: Int) throws(JSONParseError) -> String {
        let string = String(decoding: text, as: UTF8.self)
        guard isASCII || string.utf8.elementsEqual(text) else {
            throw error("string is not valid UTF-8", at: start)
        }
        return string
    }

    private mutating func parseEscape(into output: inout [UInt8]) throws(JSONParseError) {
        index += 1
        guard index < bytes.count else {
            throw error("unterminated escape sequence")
        }
        let marker = bytes[index]
        index += 1
        switch marker {
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0c)
        case UInt8(ascii: "n"): output.append(0x0a)
        case UInt8(ascii: "r"): output.append(0x0d)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHexQuad()
            if (0xD800...0xDBFF).contains(scalar) {
                guard peek(UInt8(ascii: "\\")), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired UTF-16 surrogate in \\u escape")
                }
                index += 2
                let low = try parseHexQuad()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("invalid UTF-16 low surrogate in \\u escape")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("unpaired UTF-16 surrogate in \\u escape")
            }
            output.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            throw error("invalid escape \\\(describe(marker))")
        }
    }

    private mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            throw error("incomplete \\u escape")
        }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hexadecimal digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                break
            }
            if index < bytes.count, !Self.isNumberByte(bytes[index]) {
                break
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let number = JSONNumber(literal: text) else {
            throw error("invalid number \"\(text)\"", at: start)
        }
        return .number(number)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func parseKeyword(_ keyword: StaticString, value: JSONValue) throws(JSONParseError) -> JSONValue {
        let expected = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else {
            throw error("invalid literal, expected \(keyword)")
        }
        index += expected.count
        return value
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= JSONParser.maximumDepth else {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0a, 0x0d: index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(JSONParseError) {
        guard peek(byte) else {
            throw error(index < bytes.count ? "\(message), found \(describe(bytes[index]))" : "\(message), found end of input")
        }
        index += 1
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let position = min(offset ?? index, bytes.count)
        var line = 1
        var column = 1
        for byte in bytes[0..<position] {
            if byte == 0x0a {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONParseError(message: message, offset: position, line: line, column: column)
    }
}

/// A JSON syntax error with its position.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The byte offset of the error from the start of the input.
    public let offset: Int
    public let line: Int
    public let column: Int

    public var description: String {
        "invalid JSON at line \(line), column \(column): \(message)"
    }
}
