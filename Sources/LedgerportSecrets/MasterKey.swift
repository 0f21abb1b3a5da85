import Foundation
import LedgerportCrypto
import LedgerportSDK

/// The 32-byte AES-256 key that seals every connection secret at rest.
///
/// Loaded from the environment by ``load(environment:readFile:)``:
///
/// - `LEDGERPORT_MASTER_KEY_FILE`: the path of a file containing the key, or
/// - `LEDGERPORT_MASTER_KEY`: the key itself.
///
/// The key is text in one of two encodings: 64 hexadecimal digits (either
/// case), or standard or URL-safe base64 of the 32 bytes, with or without
/// padding. Whitespace around it, such as a final newline, is ignored. Raw
/// binary files are not accepted. A missing key is an error: there is no
/// fallback to storing secrets in plaintext.
///
/// The key never prints: `description` and the logger show `[REDACTED]`.
package struct MasterKey: Sendable, CustomStringConvertible {
    /// The environment variable naming the key file.
    package static let fileVariable = "LEDGERPORT_MASTER_KEY_FILE"
    /// The environment variable holding the key itself.
    package static let valueVariable = "LEDGERPORT_MASTER_KEY"

    let secret: Secret

    /// Wraps 32 key bytes; any other length is a programming error and traps.
    package init(bytes: [UInt8]) {
        precondition(bytes.count == AESGCM.keyByteCount, "a master key has exactly 32 bytes")
        secret = Secret(bytes: bytes)
    }

    /// Returns a new random key, for tests and for `ledgerport` commands that create one.
    package static func generate() -> MasterKey {
        MasterKey(bytes: SecureRandom.bytes(count: AESGCM.keyByteCount))
    }

    /// Loads the key named by the environment; see the type's documentation for the variables and encodings.
    ///
    /// - Parameter readFile: reads a file's bytes; tests pass their own.
    /// - Throws: ``MasterKeyError`` when no key, two keys, an unreadable file or a badly encoded key is supplied.
    package static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        readFile: (String) throws -> [UInt8] = { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
    ) throws(MasterKeyError) -> MasterKey {
        let path = environment[fileVariable].flatMap { $0.isEmpty ? nil : $0 }
        let value = environment[valueVariable].flatMap { $0.isEmpty ? nil : $0 }

        switch (path, value) {
        case (nil, nil):
            throw .missing
        case (.some, .some):
            throw .ambiguous
        case (.some(let path), nil):
            let bytes: [UInt8]
            do {
                bytes = try readFile(path)
            } catch {
                let reason = FileManager.default.fileExists(atPath: path)
                    ? "the file exists but cannot be read; check its permissions"
                    : "the file does not exist"
                throw .unreadableFile(path: path, reason: reason)
            }
            return try decode(String(decoding: bytes, as: UTF8.self), source: "file \"\(path)\"")
        case (nil, .some(let text)):
            return try decode(text, source: valueVariable)
        }
    }

    /// Decodes key text in hexadecimal or base64; `source` names where it came from in errors.
    package static func decode(_ text: String, source: String) throws(MasterKeyError) -> MasterKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 2 * AESGCM.keyByteCount, let bytes = Hex.decode(trimmed) {
            return MasterKey(bytes: bytes)
        }
        if let bytes = base64Bytes(trimmed), bytes.count == AESGCM.keyByteCount {
            return MasterKey(bytes: bytes)
        }
        throw .invalidEncoding(source: source, characterCount: trimmed.count)
    }

    package var description: String {
        secret.description
    }

    /// Decodes standard or URL-safe base64, with or without padding.
    private static func base64Bytes(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = standard.count % 4
        if remainder == 2 || remainder == 3 {
            standard += String(repeating: "=", count: 4 - remainder)
        }
        return Data(base64Encoded: standard).map { [UInt8]($0) }
    }
}
