import Foundation

/// A mutable node that encoding containers write into; containers share nodes by reference.
final class EncodingNode {
    enum Content {
        case value(JSONValue)
        case object([String: EncodingNode])
        case array([EncodingNode])
        case empty
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .value(let value): value
        case .object(let members): .object(members.mapValues(\.value))
        case .array(let elements): .array(elements.map(\.value))
        case .empty: .object([:])
        }
    }
}

final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    let storage: EncodingNode
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], storage: EncodingNode = EncodingNode()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else {
            storage.content = .object([:])
        }
        return KeyedEncodingContainer(KeyedEncoding<Key>(node: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else {
            storage.content = .array([])
        }
        return UnkeyedEncoding(node: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleEncoding(encoder: self)
    }

    func encodeValue(_ value: some Encodable) throws {
        if let json = value as? JSONValue {
            storage.content = .value(json)
        } else if let date = value as? Date {
            storage.content = .value(.string(RFC3339.string(from: date)))
        } else {
            try value.encode(to: self)
        }
    }
}

private struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func child(for key: Key) -> EncodingNode {
        guard case .object(var members) = node.content else {
            preconditionFailure("keyed container over a non-object node")
        }
        if let existing = members[key.stringValue] {
            return existing
        }
        let created = EncodingNode()
        members[key.stringValue] = created
        node.content = .object(members)
        return created
    }

    mutating func encodeNil(forKey key: Key) throws {
        child(for: key).content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try ValueEncoder(codingPath: codingPath + [key], storage: child(for: key)).encodeValue(value)
    }

    // Strings, flags and integers are most of a canonical event's values. Written here, they skip the
    // encoder object, the coding path and the type checks that the generic method needs.

    mutating func encode(_ value: String, forKey key: Key) throws {
        child(for: key).content = .value(.string(value))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        child(for: key).content = .value(.bool(value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        child(for: key).content = .value(.number(JSONNumber(value)))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        child(for: key).content = .value(.number(JSONNumber(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(codingPath: codingPath + [key], storage: child(for: key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(codingPath: codingPath + [key], storage: child(for: key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(codingPath: codingPath, storage: node)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(codingPath: codingPath + [key], storage: child(for: key))
    }
}

private struct UnkeyedEncoding: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    var count: Int {
        guard case .array(let elements) = node.content else { return 0 }
        return elements.count
    }

    private func appendChild() -> EncodingNode {
        guard case .array(var elements) = node.content else {
            preconditionFailure("unkeyed container over a non-array node")
        }
        let created = EncodingNode()
        elements.append(created)
        node.content = .array(elements)
        return created
    }

    mutating func encodeNil() throws {
        appendChild().content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try ValueEncoder(codingPath: path, storage: appendChild()).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        return ValueEncoder(codingPath: path, storage: appendChild()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        return ValueEncoder(codingPath: path, storage: appendChild()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(codingPath: codingPath + [IndexKey(count)], storage: appendChild())
    }
}

private struct SingleEncoding: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONValue) {
        encoder.storage.content = .value(value)
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
