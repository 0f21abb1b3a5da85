import Foundation

/// The encoder of one value of the document, which also stores that value while containers write it.
///
/// Containers append finished members and elements to arrays that this
/// encoder alone references, so each write changes them in place, and
/// ``value`` builds each dictionary once, at the end. A member or element
/// that a nested container or a super encoder writes gets its own encoder,
/// which stays open until ``value`` reads it, so writes through a container
/// handed out earlier still arrive.
final class ValueEncoder: Encoder {
    private enum Shape {
        case empty, single, object, array
    }

    private let parent: ValueEncoder?
    private let key: (any CodingKey)?

    private var shape = Shape.empty
    private var single = JSONValue.null
    /// Finished members in the order written. When a key is written twice, the later value wins.
    private var members: [(key: String, value: JSONValue)] = []
    private var openMembers: [String: ValueEncoder] = [:]
    /// Finished elements, with a placeholder at each index of `openElements`.
    private var elements: [JSONValue] = []
    private var openElements: [Int: ValueEncoder] = [:]

    init(parent: ValueEncoder? = nil, key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    /// The keys from the root to this value, built on request because only error messages read it.
    var codingPath: [any CodingKey] {
        var path = [any CodingKey]()
        var encoder: ValueEncoder? = self
        while let current = encoder, let key = current.key {
            path.append(key)
            encoder = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The document written so far; an encoder nothing was written to gives an empty object.
    var value: JSONValue {
        switch shape {
        case .empty:
            return .object([:])
        case .single:
            return single
        case .object:
            // A later member of the same name replaces an earlier one, as it did in a dictionary.
            var result = [(String, JSONValue)]()
            result.reserveCapacity(members.count + openMembers.count)
            for member in members {
                result.append((member.key, member.value))
            }
            for (name, encoder) in openMembers {
                result.append((name, encoder.value))
            }
            return .object(JSONObject(result))
        case .array:
            guard !openElements.isEmpty else { return .array(elements) }
            var result = elements
            for (index, encoder) in openElements {
                result[index] = encoder.value
            }
            return .array(result)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if shape != .object {
            reset(to: .object)
            // Growing from empty reallocated the members of a typical canonical object several times.
            members.reserveCapacity(8)
        }
        return KeyedEncodingContainer(KeyedEncoding<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if shape != .array {
            reset(to: .array)
        }
        return UnkeyedEncoding(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleEncoding(encoder: self)
    }

    /// Writes `value` as this encoder's whole value.
    func encodeValue(_ value: some Encodable) throws {
        if let direct = Self.directValue(of: value) {
            setSingle(direct)
        } else {
            try value.encode(to: self)
        }
    }

    /// Replaces whatever was written with the single value `value`.
    func setSingle(_ value: JSONValue) {
        if shape != .single {
            reset(to: .single)
        }
        single = value
    }

    private func reset(to newShape: Shape) {
        // An encoder that nothing was written to has no members, elements or single value to clear.
        // Most encoders are new ones.
        guard shape != .empty else {
            shape = newShape
            return
        }
        shape = newShape
        single = .null
        members = []
        openMembers = [:]
        elements = []
        openElements = [:]
    }

    /// Returns the JSON of a string, number, flag, date or ``JSONValue``, or nil for a type that needs a container.
    ///
    /// Each check compares the type before it casts, because a failed cast costs more than the comparison.
    private static func directValue<T: Encodable>(of value: T) -> JSONValue? {
        if T.self == String.self, let text = value as? String {
            return .string(text)
        }
        if T.self == JSONValue.self, let json = value as? JSONValue {
            return json
        }
        if T.self == JSONObject.self, let object = value as? JSONObject {
            return .object(object)
        }
        if T.self == Date.self, let date = value as? Date {
            return .string(RFC3339.string(from: date))
        }
        if T.self == Int.self, let number = value as? Int {
            return .number(JSONNumber(number))
        }
        if T.self == Int64.self, let number = value as? Int64 {
            return .number(JSONNumber(number))
        }
        if T.self == Bool.self, let flag = value as? Bool {
            return .bool(flag)
        }
        return nil
    }
}

// MARK: - Members of an object

extension ValueEncoder {
    /// Sets the member `key` to `value`, through the member's own encoder when a nested container opened one.
    func setMember(_ key: some CodingKey, _ value: JSONValue) {
        precondition(shape == .object, "keyed container over a value that is not an object")
        let name = key.stringValue
        if !openMembers.isEmpty, let open = openMembers[name] {
            open.setSingle(value)
        } else {
            members.append((name, value))
        }
    }

    /// Encodes `value` as the member `key`.
    func encodeMember(_ value: some Encodable, forKey key: some CodingKey) throws {
        precondition(shape == .object, "keyed container over a value that is not an object")
        if !openMembers.isEmpty, let open = openMembers[key.stringValue] {
            try open.encodeValue(value)
            return
        }
        if let direct = Self.directValue(of: value) {
            members.append((key.stringValue, direct))
            return
        }
        let child = ValueEncoder(parent: self, key: key)
        try value.encode(to: child)
        members.append((key.stringValue, child.value))
    }

    /// Returns the encoder of the member `key` for a nested container or super encoder, and creates it on first use.
    ///
    /// A new encoder starts with the member's value written so far, if any.
    func openMember(_ key: some CodingKey) -> ValueEncoder {
        precondition(shape == .object, "keyed container over a value that is not an object")
        let name = key.stringValue
        if let open = openMembers[name] {
            return open
        }
        let created = ValueEncoder(parent: self, key: key)
        if let index = members.lastIndex(where: { $0.key == name }) {
            created.setSingle(members[index].value)
            members.removeAll { $0.key == name }
        }
        openMembers[name] = created
        return created
    }
}

// MARK: - Elements of an array

extension ValueEncoder {
    /// The number of elements written so far.
    var elementCount: Int {
        elements.count
    }

    /// Appends `value` as the next element.
    func appendElement(_ value: some Encodable) throws {
        precondition(shape == .array, "unkeyed container over a value that is not an array")
        if let direct = Self.directValue(of: value) {
            elements.append(direct)
            return
        }
        let child = ValueEncoder(parent: self, key: IndexKey(elements.count))
        try value.encode(to: child)
        elements.append(child.value)
    }

    /// Appends `null` as the next element.
    func appendNull() {
        precondition(shape == .array, "unkeyed container over a value that is not an array")
        elements.append(.null)
    }

    /// Appends an element that a nested container or super encoder writes, and returns its encoder.
    func openElement() -> ValueEncoder {
        precondition(shape == .array, "unkeyed container over a value that is not an array")
        let created = ValueEncoder(parent: self, key: IndexKey(elements.count))
        openElements[elements.count] = created
        elements.append(.null)
        return created
    }
}
