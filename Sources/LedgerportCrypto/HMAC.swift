import CCrypto

/// HMAC-SHA256 through OpenSSL's libcrypto.
///
/// The HMAC implementation and its digest are looked up once per process:
/// OpenSSL's one-shot `HMAC()` looks them up again on every call, about
/// 0.5 µs of the 2.6 µs a 2.8 KB message took on the build machine. A message may come in parts,
/// such as a Stripe signature's timestamp and body, so that callers need not
/// copy them into one buffer. Safe to call from any thread: every call has
/// its own MAC context.
package enum HMACSHA256 {
    /// The length of an HMAC-SHA256 code in bytes.
    package static let byteCount = 32

    /// A MAC context with OpenSSL's HMAC and its digest, SHA-256, set once and never keyed. Each call works on a copy.
    ///
    /// Setting the digest by name on every call would look SHA-256 up again each time. The template is
    /// only read (duplicated) after it is built, which OpenSSL allows from several threads.
    nonisolated(unsafe) private static let template: OpaquePointer = {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil), let context = EVP_MAC_CTX_new(mac) else {
            preconditionFailure("libcrypto has no HMAC implementation")
        }
        EVP_MAC_free(mac)
        let set = "digest".withCString { name in
            "SHA256".withCString { digest in
                var parameters = [OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0), OSSL_PARAM_construct_end()]
                return EVP_MAC_CTX_set_params(context, &parameters)
            }
        }
        precondition(set == 1, "libcrypto HMAC does not take SHA-256")
        return context
    }()

    /// Computes HMAC-SHA256 of `message` under `key`.
    package static func authenticationCode(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        authenticationCode(key: key, messageParts: [message])
    }

    /// Computes HMAC-SHA256 under `key` of the concatenation of `messageParts`, without concatenating them.
    package static func authenticationCode<Part: Collection<UInt8>>(key: some Collection<UInt8>, messageParts: [Part]) -> [UInt8] {
        guard let context = EVP_MAC_CTX_dup(template) else {
            preconditionFailure("libcrypto could not allocate an HMAC context")
        }
        defer { EVP_MAC_CTX_free(context) }

        let initialized = withContiguousBytes(of: key) { keyBuffer in
            EVP_MAC_init(context, keyBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), keyBuffer.count, nil)
        }
        precondition(initialized == 1, "libcrypto HMAC-SHA256 init failed")
        for part in messageParts {
            let updated = withContiguousBytes(of: part) { buffer in
                buffer.isEmpty ? 1 : EVP_MAC_update(context, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count)
            }
            precondition(updated == 1, "libcrypto HMAC-SHA256 update failed")
        }
        var output = [UInt8](repeating: 0, count: byteCount)
        var outputLength = 0
        let finished = output.withUnsafeMutableBufferPointer { EVP_MAC_final(context, $0.baseAddress, &outputLength, byteCount) }
        // These calls fail only when libcrypto cannot allocate memory or SHA-256 is missing.
        precondition(finished == 1 && outputLength == byteCount, "libcrypto HMAC-SHA256 failed")
        return output
    }
}

/// Calls `body` with the bytes of `bytes`, copying them only when they are not already contiguous (an array or a slice of one is not copied).
func withContiguousBytes<Result>(of bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if let result = bytes.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(bytes).withUnsafeBytes(body)
}

/// Compares two byte sequences in time that depends only on their lengths.
///
/// Use it for every comparison of a received signature with an expected one,
/// so that an attacker cannot learn how many leading bytes matched.
package func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
    let left = Array(lhs)
    let right = Array(rhs)
    guard left.count == right.count else {
        return false
    }
    if left.isEmpty {
        return true
    }
    return left.withUnsafeBytes { leftBuffer in
        right.withUnsafeBytes { rightBuffer in
            CRYPTO_memcmp(leftBuffer.baseAddress, rightBuffer.baseAddress, leftBuffer.count) == 0
        }
    }
}
