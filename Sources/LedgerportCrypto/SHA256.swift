import CCrypto

/// SHA-256 digests through OpenSSL's libcrypto.
package enum SHA256 {
    /// The length of a SHA-256 digest in bytes.
    package static let byteCount = 32

    /// Computes the SHA-256 digest of `message`.
    package static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(message)
        var output = [UInt8](repeating: 0, count: byteCount)
        var outputLength: UInt32 = 0
        let succeeded = bytes.withUnsafeBytes { buffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                EVP_Digest(buffer.baseAddress, buffer.count, outputBuffer.baseAddress, &outputLength, EVP_sha256(), nil)
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
