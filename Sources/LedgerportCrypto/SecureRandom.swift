import CCrypto

/// Cryptographically secure random bytes from OpenSSL's DRBG.
package enum SecureRandom {
    /// Returns `count` random bytes.
    package static func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0, "a negative byte count is a programming error")
        var output = [UInt8](repeating: 0, count: count)
        guard count > 0 else {
            return output
        }
        let result = output.withUnsafeMutableBufferPointer { buffer in
            RAND_bytes(buffer.baseAddress, Int32(buffer.count))
        }
        // RAND_bytes fails only when the DRBG cannot be seeded, and no secret may be made then.
        precondition(result == 1, "OpenSSL RAND_bytes failed: the random generator is not seeded")
        return output
    }

    /// Returns `count` random bytes as lowercase hexadecimal, for tokens and identifiers.
    package static func hexString(byteCount count: Int) -> String {
        Hex.encode(bytes(count: count))
    }

    /// Fills `buffer` with random bytes, for callers that keep them off the heap.
    package static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            return
        }
        let result = RAND_bytes(base.assumingMemoryBound(to: UInt8.self), Int32(buffer.count))
        precondition(result == 1, "OpenSSL RAND_bytes failed: the random generator is not seeded")
    }
}
