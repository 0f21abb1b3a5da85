import Foundation

/// The keyed container of a ``ValueEncoder`` whose value is an object.
struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.setMember(key, .null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.encodeMember(value, forKey: key)
    }

    /// Encodes `value` unless it is nil, as the protocol's default does, but without its extra generic call.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try encoder.encodeMember(value, forKey: key)
    }

    // Strings, flags and integers are most of a canonical event's values. Written here, they skip the
    // type checks that the generic method needs.

    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.setMember(key, .string(value))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.setMember(key, .bool(value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        encoder.setMember(key, .number(JSONNumber(value)))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        encoder.setMember(key, .number(JSONNumber(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.openMember(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.openMember(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.openMember(key)
    }
}

/// The unkeyed container of a ``ValueEncoder`` whose value is an array.
struct UnkeyedEncoding: UnkeyedEncodingContainer {
    let encoder: ValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    var count: Int { encoder.elementCount }

    mutating func encodeNil() throws {
        encoder.appendNull()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.appendElement(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.openElement().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.openElement().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.openElement()
    }
}

/// The single-value container of a ``ValueEncoder``.
struct SingleEncoding: SingleValueEncodingContainer {
    let encoder: ValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONValue) {
        encoder.setSingle(value)
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }

    mutating func encode(_ value: Double) throws {
        guard value.isFinite, let number = JSONNumber(literal: "\(value)") else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not a finite number"))
        }
        set(.number(number))
    }

    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { set(.number(JSONNumber(value))) }
    mutating func encode(_ value: Int8) throws { set(.number(JSONNumber(Int64(value)))) }
    mutating func encode(_ value: Int16) throws { set(.number(JSONNumber(Int64(value)))) }
    mutating func encode(_ value: Int32) throws { set(.number(JSONNumber(Int64(value)))) }
    mutating func encode(_ value: Int64) throws { set(.number(JSONNumber(value))) }
    mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { set(.number(JSONNumber(Int64(value)))) }
    mutating func encode(_ value: UInt16) throws { set(.number(JSONNumber(Int64(value)))) }
    mutating func encode(_ value: UInt32) throws { set(.number(JSONNumber(Int64(value)))) }

    mutating func encode(_ value: UInt64) throws {
        guard let signed = Int64(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) exceeds the Int64 range"))
        }
        set(.number(JSONNumber(signed)))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.encodeValue(value)
    }
}
