import Foundation

/// The members of a JSON object, kept sorted by the UTF-8 bytes of their keys.
///
/// A delivery parses a payload, builds the canonical event's JSON form and
/// reads a mapping's paths out of it, so objects are built and dropped for
/// every record. A sorted array costs no hashing to build or to read, takes
/// one allocation, and is already in the order ``JSONWriter`` writes, so
/// canonical text needs no sort. Lookups search by bisection.
///
/// Keys are equal when their UTF-8 bytes are, as JSON text compares them;
/// two spellings of one accented letter are two keys. Iteration yields the
/// members in key order. Setting a member keeps the order, so it costs
/// linear time in the member count; build large objects from a sequence or
/// a dictionary instead.
public struct JSONObject: Sendable {
    public typealias Element = (key: String, value: JSONValue)

    /// One member, with the first eight bytes of its key as a number, which orders most keys without reading them.
    public struct Member: Sendable {
        package var prefix: UInt64
        package var key: String
        package var value: JSONValue

        package init(key: String, value: JSONValue) {
            self.prefix = JSONObject.prefix(of: key)
            self.key = key
            self.value = value
        }

        /// Orders two members by their keys' UTF-8 bytes: negative, zero or positive.
        @inline(__always)
        package func compare(to other: Member) -> Int {
            JSONObject.compare(prefix: prefix, key: key, toPrefix: other.prefix, key: other.key)
        }
    }

    /// The members, sorted by key bytes, with no key twice.
    private var members: [Member]

    /// An empty object.
    public init() {
        members = []
    }

    /// An object with the members of `dictionary`.
    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { Member(key: $0.key, value: $0.value) }
        members.sort { $0.compare(to: $1) < 0 }
    }

    /// An object with `members`; for a key given more than once, the last value wins.
    public init<S: Sequence>(_ members: S) where S.Element == (String, JSONValue) {
        self.members = members.map { Member(key: $0.0, value: $0.1) }
        normalize()
    }

    /// An object with `members`; for a key given more than once, the last value wins.
    public init<S: Sequence>(_ members: S) where S.Element == Element {
        self.members = members.map { Member(key: $0.key, value: $0.value) }
        normalize()
    }

    /// Members that the caller has sorted by key with no key twice, as the parser does.
    package init(sortedUniqueMembers members: [Member]) {
        self.members = members
    }

    /// Makes room for `capacity` members, for a caller that sets them one by one.
    public mutating func reserveCapacity(_ capacity: Int) {
        members.reserveCapacity(capacity)
    }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no member.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in order.
    public var keys: LazyMapCollection<[Member], String> {
        members.lazy.map(\.key)
    }

    /// The values in key order.
    public var values: LazyMapCollection<[Member], JSONValue> {
        members.lazy.map(\.value)
    }

    /// The members as a dictionary.
    public var dictionary: [String: JSONValue] {
        Dictionary(members.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Accesses the value of the member named `key`, which is nil when there is none; setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            switch position(of: key) {
            case .found(let index): members[index].value
            case .insertion: nil
            }
        }
        set {
            switch (position(of: key), newValue) {
            case (.found(let index), .some(let value)): members[index].value = value
            case (.found(let index), .none): members.remove(at: index)
            case (.insertion(let index), .some(let value)): members.insert(Member(key: key, value: value), at: index)
            case (.insertion, .none): break
            }
        }
    }

    /// Accesses the value of the member named `key`, or `defaultValue` when there is none.
    public subscript(key: String, default defaultValue: @autoclosure () -> JSONValue) -> JSONValue {
        get { self[key] ?? defaultValue() }
        set { self[key] = newValue }
    }

    /// Sets the member named `key` and returns the value it replaced.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = value
        return old
    }

    /// Removes the member named `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = nil
        return old
    }

    /// Returns the object with every value transformed.
    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.map { member in
            var changed = member
            changed.value = try transform(member.value)
            return changed
        })
    }

    /// Returns the object with every value transformed, leaving out the members whose transform is nil.
    public func compactMapValues(_ transform: (JSONValue) throws -> JSONValue?) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.compactMap { member in
            try transform(member.value).map { value in
                var changed = member
                changed.value = value
                return changed
            }
        })
    }

    /// Returns a dictionary of every value transformed.
    public func mapValues<T>(_ transform: (JSONValue) throws -> T) rethrows -> [String: T] {
        var result = [String: T](minimumCapacity: members.count)
        for member in members {
            result[member.key] = try transform(member.value)
        }
        return result
    }

    /// Returns a dictionary of the values whose transform is not nil.
    public func compactMapValues<T>(_ transform: (JSONValue) throws -> T?) rethrows -> [String: T] {
        var result = [String: T]()
        for member in members {
            if let value = try transform(member.value) { result[member.key] = value }
        }
        return result
    }

    /// Returns the members for which `isIncluded` is true.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.filter { try isIncluded((key: $0.key, value: $0.value)) })
    }

    /// Adds the members of `other`; `combine` picks the value of a key both have.
    public mutating func merge(_ other: JSONObject, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue) rethrows {
        guard !other.isEmpty else { return }
        guard !isEmpty else {
            self = other
            return
        }
        var merged = [Member]()
        merged.reserveCapacity(members.count + other.members.count)
        var left = members.startIndex
        var right = other.members.startIndex
        while left < members.endIndex, right < other.members.endIndex {
            let order = members[left].compare(to: other.members[right])
            if order < 0 {
                merged.append(members[left])
                left += 1
            } else if order > 0 {
                merged.append(other.members[right])
                right += 1
            } else {
                var combined = members[left]
                combined.value = try combine(members[left].value, other.members[right].value)
                merged.append(combined)
                left += 1
                right += 1
            }
        }
        merged.append(contentsOf: members[left...])
        merged.append(contentsOf: other.members[right...])
        members = merged
    }

    /// Returns the object with the members of `other` added; `combine` picks the value of a key both have.
    public func merging(_ other: JSONObject, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        var result = self
        try result.merge(other, uniquingKeysWith: combine)
        return result
    }

    /// Orders two keys by their UTF-8 bytes: negative, zero or positive.
    public static func compare(_ left: String, _ right: String) -> Int {
        let order = left.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes in
                compare(leftBytes, rightBytes)
            }
        }
        if let order = order ?? nil { return order }
        return Array(left.utf8).withUnsafeBufferPointer { leftBytes in
            Array(right.utf8).withUnsafeBufferPointer { rightBytes in compare(leftBytes, rightBytes) }
        }
    }

    private static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let shorter = Swift.min(left.count, right.count)
        if shorter > 0 {
            let order = memcmp(left.baseAddress!, right.baseAddress!, shorter)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }

    private enum Position {
        case found(Int)
        case insertion(Int)
    }

    private func position(of key: String) -> Position {
        let prefix = JSONObject.prefix(of: key)
        let length = key.utf8.count
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            let member = members[middle]
            let order = JSONObject.compare(prefix: member.prefix, key: member.key, toPrefix: prefix, key: key, otherLength: length)
            if order == 0 { return .found(middle) }
            if order < 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return .insertion(low)
    }

    /// Orders two keys given with their prefixes: negative, zero or positive.
    ///
    /// Different prefixes decide at once. Equal prefixes of keys no longer than
    /// eight bytes contain every byte, so the shorter key comes first (a zero
    /// byte of padding sorts like the end of a key). Only longer keys are read.
    /// A caller that has counted a key's bytes already passes the count.
    @inline(__always)
    private static func compare(
        prefix: UInt64, key: String, length: Int? = nil, toPrefix otherPrefix: UInt64, key otherKey: String, otherLength: Int? = nil
    ) -> Int {
        if prefix != otherPrefix { return prefix < otherPrefix ? -1 : 1 }
        let count = length ?? key.utf8.count
        let otherCount = otherLength ?? otherKey.utf8.count
        if count <= 8 || otherCount <= 8 { return count - otherCount }
        return compare(key, otherKey)
    }

    /// Sorts the members by key, keeping the last of equal keys.
    private mutating func normalize() {
        guard members.count > 1 else { return }
        var inOrder = true
        for index in 1..<members.count where members[index - 1].compare(to: members[index]) >= 0 {
            inOrder = false
            break
        }
        if inOrder { return }
        // Sorting positions, with the position breaking ties, keeps equal keys in their given order.
        let order = members.indices.sorted { left, right in
            let comparison = members[left].compare(to: members[right])
            return comparison != 0 ? comparison < 0 : left < right
        }
        var unique = [Member]()
        unique.reserveCapacity(order.count)
        for index in order {
            if let last = unique.last, last.compare(to: members[index]) == 0 {
                unique[unique.count - 1] = members[index]
            } else {
                unique.append(members[index])
            }
        }
        members = unique
    }

    /// Returns the first eight UTF-8 bytes of `key` as a big-endian number, padded with zeros.
    package static func prefix(of key: String) -> UInt64 {
        key.utf8.withContiguousStorageIfAvailable(prefix(of:)) ?? Array(key.utf8.prefix(8)).withUnsafeBufferPointer(prefix(of:))
    }

    private static func prefix(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8 {
            return UInt64(bigEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self))
        }
        var prefix: UInt64 = 0
        for byte in bytes {
            prefix = prefix << 8 | UInt64(byte)
        }
        return bytes.isEmpty ? 0 : prefix << (8 * (8 - bytes.count))
    }
}

extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }

    public subscript(position: Int) -> Element {
        (key: members[position].key, value: members[position].value)
    }

    /// Returns the position of the member named `key`, or nil.
    public func index(forKey key: String) -> Int? {
        if case .found(let index) = position(of: key) { return index }
        return nil
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

extension JSONObject: Hashable {
    public static func == (left: JSONObject, right: JSONObject) -> Bool {
        left.members.count == right.members.count
            && zip(left.members, right.members).allSatisfy { $0.compare(to: $1) == 0 && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

extension JSONObject: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [String: JSONValue](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try dictionary.encode(to: encoder)
    }
}

extension JSONObject: CustomStringConvertible {
    /// The compact JSON text of the object.
    public var description: String {
        JSONWriter.string(.object(self))
    }
}
