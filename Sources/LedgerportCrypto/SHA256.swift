import CCrypto

/// SHA-256 digests through OpenSSL's libcrypto.
///
/// The implementation is fetched once per process, not looked up on every call as `EVP_sha256()` makes `EVP_Digest` do.
package enum SHA256 {
    /// The length of a SHA-256 digest in bytes.
    package static let byteCount = 32

    /// OpenSSL's SHA-256, fetched once; an `EVP_MD` is immutable once fetched and may be shared between threads.
    nonisolated(unsafe) private static let implementation: OpaquePointer = {
        guard let digest = EVP_MD_fetch(nil, "SHA256", nil) else {
            preconditionFailure("libcrypto has no SHA-256 implementation")
        }
        return digest
    }()

    /// Computes the SHA-256 digest of `message`.
    package static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: byteCount)
        var outputLength: UInt32 = 0
        let succeeded = withContiguousBytes(of: message) { buffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                EVP_Digest(buffer.baseAddress, buffer.count, outputBuffer.baseAddress, &outputLength, implementation, nil)
            }
        }
        precondition(succeeded == 1 && outputLength == UInt32(byteCount), "libcrypto SHA-256 failed")
        return output
    }

    /// Computes the SHA-256 digest of a string's UTF-8 bytes as lowercase hexadecimal.
    package static func hexDigest(_ text: String) -> String {
        Hex.encode(digest(Array(text.utf8)))
    }
}
