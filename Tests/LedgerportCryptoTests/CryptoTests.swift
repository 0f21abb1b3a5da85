import LedgerportCrypto
import Testing

@Suite struct CryptoTests {
    @Test func hmacSHA256_matchesRFC4231Case2() {
        let code = HMACSHA256.authenticationCode(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacSHA256_partsMatchTheWholeMessage() {
        let key = Array("Jefe".utf8)
        let parts = [Array("what do ya ".utf8), [], Array("want for nothing?".utf8)]

        let code = HMACSHA256.authenticationCode(key: key, messageParts: parts)

        #expect(Hex.encode(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacSHA256_acceptsASliceAndAnEmptyMessage() {
        let bytes = Array("xxwhat do ya want for nothing?".utf8)

        let code = HMACSHA256.authenticationCode(key: Array("Jefe".utf8), message: bytes[2...])
        let empty = HMACSHA256.authenticationCode(key: Array("key".utf8), message: [UInt8]())

        #expect(Hex.encode(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(Hex.encode(empty) == "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0")
    }

    @Test func sha256_matchesKnownDigest() {
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aesGCM_roundTrips() throws {
        let key = SecureRandom.bytes(count: 32)
        let plaintext = Array("sk_test_secret".utf8)
        let box = try AESGCM.seal(plaintext, key: key, associatedData: Array("tenant-a".utf8))
        #expect(box.count == plaintext.count + 28)
        #expect(try AESGCM.open(box, key: key, associatedData: Array("tenant-a".utf8)) == plaintext)
    }

    @Test func aesGCM_wrongKeyOrContext_fails() throws {
        let key = SecureRandom.bytes(count: 32)
        let box = try AESGCM.seal(Array("secret".utf8), key: key, associatedData: Array("tenant-a".utf8))
        #expect(throws: AESGCMError.authenticationFailed) {
            try AESGCM.open(box, key: SecureRandom.bytes(count: 32), associatedData: Array("tenant-a".utf8))
        }
        #expect(throws: AESGCMError.authenticationFailed) {
            try AESGCM.open(box, key: key, associatedData: Array("tenant-b".utf8))
        }
        var tampered = box
        tampered[14] ^= 1
        #expect(throws: AESGCMError.authenticationFailed) {
            try AESGCM.open(tampered, key: key, associatedData: Array("tenant-a".utf8))
        }
    }

    @Test func aesGCM_freshNonceEachSeal() throws {
        let key = SecureRandom.bytes(count: 32)
        let first = try AESGCM.seal(Array("same".utf8), key: key)
        let second = try AESGCM.seal(Array("same".utf8), key: key)
        #expect(first != second)
    }

    @Test func constantTimeEquals_comparesBytes() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEquals([1, 2], [1, 2, 3]))
    }
}
