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
            if prefix != other.prefix { return prefix < other.prefix ? -1 : 1 }
            return JSONObject.compare(key, other.key)
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

    /// The value of the member named `key`, or nil; setting nil removes the member.
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

    /// The value of the member named `key`, or `defaultValue` when there is none.
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

    /// The object with every value transformed.
    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.map { member in
            var changed = member
            changed.value = try transform(member.value)
            return changed
        })
    }

    /// The object with every value transformed, leaving out the members whose transform is nil.
    public func compactMapValues(_ transform: (JSONValue) throws -> JSONValue?) rethrows -> JSONObject {
        JSONObject(sortedUniqueMembers: try members.compactMap { member in
            try transform(member.value).map { value in
                var changed = member
                changed.value = value
                return changed
            }
        })
    }

    /// A dictionary of every value transformed.
    public func mapValues<T>(_ transform: (JSONValue) throws -> T) rethrows -> [String: T] {
        var result = [String: T](minimumCapacity: members.count)
        for member in members {
            result[member.key] = try transform(member.value)
        }
        return result
    }

    /// A dictionary of the values whose transform is not nil.
    public func compactMapValues<T>(_ transform: (JSONValue) throws -> T?) rethrows -> [String: T] {
        var result = [String: T]()
        for member in members {
            if let value = try transform(member.value) { result[member.key] = value }
        }
        return result
    }

    /// The members for which `isIncluded` holds.
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

    /// The object with the members of `other` added; `combine` picks the value of a key both have.
    public func merging(_ other: JSONObject, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        var result = self
        try result.merge(other, uniquingKeysWith: combine)
        return result
    }

    /// Orders two keys by their UTF-8 bytes: negative, zero or positive.
    public static func compare(_ left: String, _ right: String) -> Int {
        var left = left
        var right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                let shorter = Swift.min(leftBytes.count, rightBytes.count)
                if shorter > 0 {
                    let order = firstDifference(leftBytes.baseAddress!, rightBytes.baseAddress!, shorter)
                    if order != 0 { return order }
                }
                return leftBytes.count - rightBytes.count
            }
        }
    }

    /// Returns the difference of the first two bytes that differ in `count` bytes, or 0 when none does.
    private static func firstDifference(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Int {
        for offset in 0..<count where left[offset] != right[offset] {
            return Int(left[offset]) - Int(right[offset])
        }
        return 0
    }

    private enum Position {
        case found(Int)
        case insertion(Int)
    }

    private func position(of key: String) -> Position {
        let prefix = JSONObject.prefix(of: key)
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            let member = members[middle]
            let order: Int
            if member.prefix != prefix {
                order = member.prefix < prefix ? -1 : 1
            } else {
                order = JSONObject.compare(member.key, key)
            }
            if order == 0 { return .found(middle) }
            if order < 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return .insertion(low)
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

    /// The first eight UTF-8 bytes of `key`, big-endian, padded with zeros.
    package static func prefix(of key: String) -> UInt64 {
        var prefix: UInt64 = 0
        var count = 0
        for byte in key.utf8 {
            prefix = prefix << 8 | UInt64(byte)
            count += 1
            if count == 8 { return prefix }
        }
        return count == 0 ? 0 : prefix << (8 * (8 - count))
    }
}

extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }

    public subscript(position: Int) -> Element {
        (key: members[position].key, value: members[position].value)
    }

    /// The position of the member named `key`, or nil.
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
