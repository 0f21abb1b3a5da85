import Foundation
import LedgerportCrypto

/// The message authentication primitives connectors need to verify webhooks.
///
/// Backed by OpenSSL's libcrypto; safe to call from any thread.
public enum MessageAuthentication {
    /// HMAC-SHA256 of `message` under `key`, as 32 raw bytes.
    public static func hmacSHA256(key: Secret, message: some Collection<UInt8>) -> [UInt8] {
        key.withBytes { HMACSHA256.authenticationCode(key: $0, message: message) }
    }

    /// HMAC-SHA256 under `key` of the parts of a message one after the other, such as a timestamp and a body,
    /// without copying them into one buffer.
    public static func hmacSHA256(key: Secret, messageParts: [[UInt8]]) -> [UInt8] {
        key.withBytes { HMACSHA256.authenticationCode(key: $0, messageParts: messageParts) }
    }

    /// SHA-256 of `message`, as 32 raw bytes.
    public static func sha256(_ message: some Collection<UInt8>) -> [UInt8] {
        SHA256.digest(message)
    }

    /// Compares two byte sequences in time that depends only on their lengths.
    public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        LedgerportCrypto.constantTimeEquals(lhs, rhs)
    }

    /// Lowercase hexadecimal of `bytes`.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        Hex.encode(bytes)
    }

    /// Bytes from hexadecimal text, or nil when the text is not hexadecimal.
    public static func bytes(fromHex text: some StringProtocol) -> [UInt8]? {
        Hex.decode(text)
    }

    /// Standard base64 (RFC 4648, with padding) of `bytes`.
    public static func base64(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
