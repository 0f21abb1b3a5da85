/// A JSON number kept as its exact decimal value.
///
/// JSON numbers are decimal text; converting them to `Double` would turn
/// `0.1` into an approximation. `JSONNumber` keeps a normalized decimal
/// (``ExactDecimal``) when the value fits one, and the literal text otherwise
/// (very large exponents), so nothing read is ever altered.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The stored value, one case or the other, so that a number (and every ``JSONValue``) stays small.
    private enum Storage: Sendable, Hashable {
        /// The exact value, when it fits an ``ExactDecimal``.
        case decimal(ExactDecimal)
        /// The literal text, when it does not.
        case literal(String)
    }

    private let storage: Storage

    /// The exact value when it fits an ``ExactDecimal``.
    public var decimal: ExactDecimal? {
        if case .decimal(let value) = storage { return value }
        return nil
    }

    public init(_ value: Int64) {
        storage = .decimal(ExactDecimal(significand: value, scale: 0))
    }

    public init(_ value: Int) {
        self.init(Int64(value))
    }

    public init(_ value: ExactDecimal) {
        storage = .decimal(value.normalized())
    }

    /// Parses a JSON number literal such as `-12.345` or `1e3`; returns nil for invalid text.
    public init?(literal text: String) {
        guard JSONNumber.isValidLiteral(text) else {
            return nil
        }
        if let value = ExactDecimal(parsing: text) {
            storage = .decimal(value.normalized())
        } else {
            storage = .literal(text)
        }
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool {
        guard let decimal else {
            return false
        }
        return decimal.scale <= 0 || decimal.significand % ExactDecimal.powerOfTen(decimal.scale)! == 0
    }

    /// The value as an exact `Int64`, or nil when it has a fraction or is out of range.
    public var int64Value: Int64? {
        decimal?.exactInt64
    }

    /// An approximation as `Double`, for values that are not money (tax rates in schemas, limits).
    public var doubleValue: Double {
        Double(description) ?? .nan
    }

    /// The canonical JSON text: no exponent when the decimal fits, shortest form otherwise.
    public var description: String {
        switch storage {
        case .decimal(let value): value.description
        case .literal(let text): text
        }
    }

    private static func isValidLiteral(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        guard let first = bytes.first, first.isASCIIDigit else {
            return false
        }
        if first == UInt8(ascii: "0"), bytes.count > 1, bytes[bytes.startIndex + 1].isASCIIDigit {
            return false
        }
        bytes = bytes.drop(while: \.isASCIIDigit)
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard bytes.first?.isASCIIDigit == true else { return false }
            bytes = bytes.drop(while: \.isASCIIDigit)
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            guard bytes.first?.isASCIIDigit == true else { return false }
            bytes = bytes.drop(while: \.isASCIIDigit)
        }
        return bytes.isEmpty
    }
}

extension UInt8 {
    var isASCIIDigit: Bool {
        self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")
    }
}
