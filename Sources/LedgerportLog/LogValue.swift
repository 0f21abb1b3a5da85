/// A metadata value attached to a log record.
///
/// Values are built from strings, numbers and nested collections. A value
/// that conforms to ``LogRedacted`` is replaced by ``LogValue/redactedText``
/// when it is created, so its plaintext never reaches a handler.
public indirect enum LogValue: Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByStringInterpolation
{
    case string(String)
    case integer(Int64)
    case boolean(Bool)
    case array([LogValue])
    case dictionary([String: LogValue])

    /// The text that replaces a redacted value.
    public static let redactedText = "[REDACTED]"

    /// Creates a value from anything printable, redacting ``LogRedacted`` values.
    public init(_ value: some CustomStringConvertible) {
        if value is any LogRedacted {
            self = .string(LogValue.redactedText)
        } else {
            self = .string(value.description)
        }
    }

    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }

    public init(booleanLiteral value: Bool) {
        self = .boolean(value)
    }

    public init(arrayLiteral elements: LogValue...) {
        self = .array(elements)
    }

    public init(dictionaryLiteral elements: (String, LogValue)...) {
        self = .dictionary(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public var description: String {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .boolean(let flag): String(flag)
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .dictionary(let values):
            "{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A type whose values must never appear in logs, such as a secret.
///
/// Conforming types should also make `description` return a placeholder, so
/// that string interpolation into a log message is safe as well.
public protocol LogRedacted {}

/// Log metadata: dotted keys (see ``LogMetadataKey``) to values.
public typealias LogMetadata = [String: LogValue]
