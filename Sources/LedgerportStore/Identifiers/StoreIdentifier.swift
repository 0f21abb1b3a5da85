/// An identifier of a stored row that is text, such as a tenant or connection id.
///
/// Each kind of row has its own type, so a connection id cannot be passed
/// where a tenant id is expected.
package protocol TextIdentifier: RawRepresentable<String>, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    init(rawValue: String)
}

extension TextIdentifier {
    package var description: String { rawValue }

    package init(stringLiteral value: String) {
        self.init(rawValue: value)
    }
}

/// An identifier of a stored row that is a 64-bit integer assigned by the store, such as an event id.
package protocol IntegerIdentifier: RawRepresentable<Int64>, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    init(rawValue: Int64)
}

extension IntegerIdentifier {
    package var description: String { String(rawValue) }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
