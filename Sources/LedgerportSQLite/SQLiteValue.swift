/// A value bound to a statement parameter or read from a result column.
///
/// The cases follow SQLite's storage classes. ``real(_:)`` exists for
/// measurements and ratios only: money is stored as integer minor units
/// (``integer(_:)``) or as exact decimal text (``text(_:)``), never as a double.
package enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    /// A binary floating-point number; never use it for money.
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLiteValue {
    /// An integer, or `NULL` when `value` is nil.
    package static func integer(_ value: Int64?) -> SQLiteValue {
        value.map(SQLiteValue.integer) ?? .null
    }

    /// An integer from a Swift `Int`, or `NULL` when `value` is nil.
    package static func integer(_ value: Int?) -> SQLiteValue {
        value.map { .integer(Int64($0)) } ?? .null
    }

    /// Text, or `NULL` when `value` is nil.
    package static func text(_ value: String?) -> SQLiteValue {
        value.map(SQLiteValue.text) ?? .null
    }

    /// A blob, or `NULL` when `value` is nil.
    package static func blob(_ value: [UInt8]?) -> SQLiteValue {
        value.map(SQLiteValue.blob) ?? .null
    }

    /// `1` for true and `0` for false, as SQLite stores booleans.
    package static func boolean(_ value: Bool) -> SQLiteValue {
        .integer(value ? 1 : 0)
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral {
    package init(integerLiteral value: Int64) {
        self = .integer(value)
    }

    package init(stringLiteral value: String) {
        self = .text(value)
    }

    package init(nilLiteral: ()) {
        self = .null
    }
}
