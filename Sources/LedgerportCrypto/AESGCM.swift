import CCrypto

/// AES-256-GCM authenticated encryption through OpenSSL's libcrypto.
///
/// A sealed box is `nonce (12 bytes) || ciphertext || tag (16 bytes)`. Every
/// call to ``seal(_:key:associatedData:)`` draws a fresh random nonce, so the
/// same plaintext never encrypts to the same bytes. Opening checks the tag
/// before it returns anything; a wrong key, a different associated data or a
/// modified box all fail with ``AESGCMError/authenticationFailed``.
package enum AESGCM {
    package static let keyByteCount = 32
    package static let nonceByteCount = 12
    package static let tagByteCount = 16

    /// Encrypts `plaintext` under a 32-byte `key`, binding `associatedData` to the result.
    package static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws(AESGCMError) -> [UInt8] {
        guard key.count == keyByteCount else {
            throw .invalidKeyLength(key.count)
        }
        let nonce = SecureRandom.bytes(count: nonceByteCount)
        let context = try CipherContext()

        try context.check(EVP_EncryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil))
        try context.check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil))
        try context.check(EVP_EncryptInit_ex(context.pointer, nil, nil, key, nonce))
        try context.updateAssociatedData(associatedData, encrypting: true)

        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var length: Int32 = 0
        try context.check(plaintext.withUnsafeBufferPointer { input in
            EVP_EncryptUpdate(context.pointer, &ciphertext, &length, input.baseAddress, Int32(input.count))
        })
        var total = Int(length)
        try context.check(ciphertext.withUnsafeMutableBufferPointer { output in
            EVP_EncryptFinal_ex(context.pointer, output.baseAddress! + total, &length)
        })
        total += Int(length)
        ciphertext.removeLast(ciphertext.count - total)

        var tag = [UInt8](repeating: 0, count: tagByteCount)
        try context.check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), &tag))
        return nonce + ciphertext + tag
    }

    /// Decrypts a box made by ``seal(_:key:associatedData:)`` and verifies its tag.
    package static func open(_ box: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws(AESGCMError) -> [UInt8] {
        guard key.count == keyByteCount else {
            throw .invalidKeyLength(key.count)
        }
        guard box.count >= nonceByteCount + tagByteCount else {
            throw .truncated(box.count)
        }
        let nonce = Array(box[0..<nonceByteCount])
        let ciphertext = Array(box[nonceByteCount..<(box.count - tagByteCount)])
        var tag = Array(box[(box.count - tagByteCount)...])
        let context = try CipherContext()

        try context.check(EVP_DecryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil))
        try context.check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil))
        try context.check(EVP_DecryptInit_ex(context.pointer, nil, nil, key, nonce))
        try context.updateAssociatedData(associatedData, encrypting: false)

        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var length: Int32 = 0
        try context.check(ciphertext.withUnsafeBufferPointer { input in
            EVP_DecryptUpdate(context.pointer, &plaintext, &length, input.baseAddress, Int32(input.count))
        })
        var total = Int(length)
        try context.check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), &tag))
        let finalResult = plaintext.withUnsafeMutableBufferPointer { output in
            EVP_DecryptFinal_ex(context.pointer, output.baseAddress! + total, &length)
        }
        guard finalResult == 1 else {
            throw .authenticationFailed
        }
        total += Int(length)
        plaintext.removeLast(plaintext.count - total)
        return plaintext
    }
}

/// Why an AES-256-GCM operation failed.
package enum AESGCMError: Error, Equatable, CustomStringConvertible {
    case invalidKeyLength(Int)
    case truncated(Int)
    case authenticationFailed
    case libraryFailure(String)

    package var description: String {
        switch self {
        case .invalidKeyLength(let length):
            "AES-256-GCM key has \(length) bytes; it must have exactly 32"
        case .truncated(let length):
            "encrypted value has \(length) bytes, fewer than the 28 of a nonce and a tag"
        case .authenticationFailed:
            "encrypted value failed authentication: the key is wrong or the value was modified"
        case .libraryFailure(let detail):
            "libcrypto failed during AES-256-GCM: \(detail)"
        }
    }
}

/// Owns one `EVP_CIPHER_CTX` for the duration of a seal or open.
private final class CipherContext {
    let pointer: OpaquePointer

    init() throws(AESGCMError) {
        guard let context = EVP_CIPHER_CTX_new() else {
            throw .libraryFailure("EVP_CIPHER_CTX_new returned null")
        }
        pointer = context
    }

    deinit {
        EVP_CIPHER_CTX_free(pointer)
    }

    func check(_ result: Int32) throws(AESGCMError) {
        guard result == 1 else {
            throw .libraryFailure("call returned \(result), error queue code \(ERR_get_error())")
        }
    }

    func updateAssociatedData(_ data: [UInt8], encrypting: Bool) throws(AESGCMError) {
        guard !data.isEmpty else {
            return
        }
        var ignored: Int32 = 0
        let result = data.withUnsafeBufferPointer { buffer in
            encrypting
                ? EVP_EncryptUpdate(pointer, nil, &ignored, buffer.baseAddress, Int32(buffer.count))
                : EVP_DecryptUpdate(pointer, nil, &ignored, buffer.baseAddress, Int32(buffer.count))
        }
        try check(result)
    }
}
