import Foundation

/// Decodes `Decodable` types from a ``JSONValue`` without losing numeric precision.
///
/// Integers decode exactly from the number's decimal value; a fractional or
/// out-of-range number requested as an integer is a `DecodingError` that
/// names the coding path. Dates decode from RFC 3339 strings
/// (`2026-12-04T19:32:11Z`, with or without fractional seconds). A
/// ``JSONValue`` property receives the node unchanged.
public struct JSONValueDecoder {
    public init() {}

    /// Decodes `type` from `value`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try ValueDecoder(value: value, codingPath: []).decode(type)
    }

    /// Parses JSON bytes and decodes `type` from them.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        try decode(type, from: try JSONParser.parse(bytes))
    }
}

/// Encodes `Encodable` types into a ``JSONValue``.
///
/// Dates encode as RFC 3339 strings in UTC with whole seconds when the date
/// has no fraction and milliseconds otherwise. Optional properties that are
/// nil are omitted (the synthesized `encodeIfPresent` behaviour).
public struct JSONValueEncoder {
    public init() {}

    public func encode(_ value: some Encodable) throws -> JSONValue {
        let encoder = ValueEncoder()
        try encoder.encodeValue(value)
        return encoder.value
    }

    /// Encodes `value` to compact JSON bytes with sorted keys.
    public func encodeBytes(_ value: some Encodable) throws -> [UInt8] {
        JSONWriter.bytes(try encode(value))
    }
}

// MARK: - Dates

enum RFC3339 {
    /// Formats `date` in UTC as `2026-12-04T19:22:27Z`, with `.123` before the `Z` when it has milliseconds.
    ///
    /// The digits are written by hand: `String(format:)` took a tenth of the
    /// time it takes to encode a canonical event for a mapping.
    static func string(from date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        var seconds = time_t((milliseconds / 1000).rounded(.down))
        let fraction = Int(milliseconds - Double(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let year = Int(parts.tm_year) + 1900
        guard (0...9999).contains(year) else {
            // Outside four digits, `%04d` decides the width and the sign.
            let base = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
            return base + (fraction != 0 ? String(format: ".%03d", fraction) : "") + "Z"
        }

        // The text is ASCII and at most 24 bytes, so the string is written in place without an array in between.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var end = 0
            func digits(_ value: Int, width: Int) {
                var remaining = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[end + offset] = UInt8(ascii: "0") + UInt8(remaining % 10)
                    remaining /= 10
                }
                end += width
            }
            func character(_ byte: UInt8) {
                buffer[end] = byte
                end += 1
            }
            digits(year, width: 4)
            character(UInt8(ascii: "-"))
            digits(Int(parts.tm_mon) + 1, width: 2)
            character(UInt8(ascii: "-"))
            digits(Int(parts.tm_mday), width: 2)
            character(UInt8(ascii: "T"))
            digits(Int(parts.tm_hour), width: 2)
            character(UInt8(ascii: ":"))
            digits(Int(parts.tm_min), width: 2)
            character(UInt8(ascii: ":"))
            digits(Int(parts.tm_sec), width: 2)
            if fraction != 0 {
                character(UInt8(ascii: "."))
                digits(fraction, width: 3)
            }
            character(UInt8(ascii: "Z"))
            return end
        }
    }

    static func date(from text: String) -> Date? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let withoutFraction = Date.ISO8601FormatStyle()
        return (try? withoutFraction.parse(text)) ?? (try? withFraction.parse(text))
    }
}

// MARK: - Decoder

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw mismatch(expected: "object")
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw mismatch(expected: "array")
        }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    func mismatch(expected: String) -> DecodingError {
        DecodingError.typeMismatch(Any.self, .init(
            codingPath: codingPath,
            debugDescription: "expected \(expected) but found \(value.typeName)"
        ))
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == JSONValue.self {
            return value as! T
        }
        if type == JSONObject.self {
            guard case .object(let members) = value else { throw mismatch(expected: "object") }
            return members as! T
        }
        if type == Date.self {
            guard case .string(let text) = value, let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath,
                    debugDescription: "expected an RFC 3339 date-time string such as \"2026-12-04T19:32:11Z\" but found \(value)"
                ))
            }
            return date as! T
        }
        return try T(from: self)
    }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let number) = value else {
            throw mismatch(expected: "integer")
        }
        guard let whole = number.int64Value, let result = T(exactly: whole) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath,
                debugDescription: "number \(number) is not a whole number in the range of \(T.self)"
            ))
        }
        return result
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: JSONObject
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        members[key.stringValue] != nil
    }

    private func decoder(for key: Key) throws -> ValueDecoder {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "required key \"\(key.stringValue)\" is missing"
            ))
        }
        return ValueDecoder(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        members[key.stringValue].map(\.isNull) ?? true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(for: key).decode(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = members[key.stringValue], !value.isNull else {
            return nil
        }
        return try ValueDecoder(value: value, codingPath: codingPath + [key]).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: .object(members), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try decoder(for: key)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func nextDecoder() throws -> ValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(
                codingPath: codingPath, debugDescription: "array has only \(elements.count) elements"
            ))
        }
        let decoder = ValueDecoder(value: elements[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)])
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNull else {
            return false
        }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try nextDecoder().decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nextDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try nextDecoder()
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = decoder.value else { throw decoder.mismatch(expected: "boolean") }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = decoder.value else { throw decoder.mismatch(expected: "string") }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let number) = decoder.value else { throw decoder.mismatch(expected: "number") }
        return number.doubleValue
    }

    func decode(_ type: Float.Type) throws -> Float {
        Float(try decode(Double.self))
    }

    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decode(type)
    }
}

struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = String(index)
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
        intValue = Int(stringValue)
    }

    init?(intValue: Int) {
        self.init(intValue)
    }
}
