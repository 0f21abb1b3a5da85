import LedgerportLog

/// A secret value (an API key, a webhook signing secret, a password) that never prints.
///
/// `description`, `debugDescription`, string interpolation, `dump` and the
/// logger all show `[REDACTED]`; the bytes are reachable only through
/// ``withBytes(_:)`` and ``revealText()``, whose names make every use easy to
/// audit. Equality is deliberately not offered, so a secret cannot be compared
/// in variable time by accident; use ``constantTimeEquals(_:)``.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable, LogRedacted {
    private let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    public var isEmpty: Bool { bytes.isEmpty }

    /// Calls `body` with the secret's bytes.
    public func withBytes<Result>(_ body: ([UInt8]) throws -> Result) rethrows -> Result {
        try body(bytes)
    }

    /// The secret as UTF-8 text, for building an `Authorization` header or a request body.
    public func revealText() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Compares with another secret in time that depends only on the lengths.
    public func constantTimeEquals(_ other: Secret) -> Bool {
        MessageAuthentication.constantTimeEquals(bytes, other.bytes)
    }

    public var description: String { LogValue.redactedText }
    public var debugDescription: String { LogValue.redactedText }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
