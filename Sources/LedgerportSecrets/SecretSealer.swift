import LedgerportCrypto
import LedgerportSDK

/// Seals and opens connection secrets with AES-256-GCM under the master key.
///
/// A sealed value is one format byte (`1`) followed by the AES-GCM box
/// (nonce, ciphertext, tag), with the ``SecretBinding`` as associated data.
/// Thread-safe: it holds only the key.
package struct SecretSealer: Sendable {
    private static let formatVersion: UInt8 = 1
    private static let keyCheckPlaintext = Array("ledgerport master key check".utf8)
    private static let keyCheckAssociatedData = Array("ledgerport.master-key-check.v1".utf8)

    private let key: MasterKey

    package init(key: MasterKey) {
        self.key = key
    }

    /// Encrypts `secret` for `binding`.
    package func seal(_ secret: Secret, for binding: SecretBinding) throws(SecretError) -> [UInt8] {
        do {
            let box = try key.secret.withBytes { keyBytes in
                try secret.withBytes { try AESGCM.seal($0, key: keyBytes, associatedData: binding.associatedData) }
            }
            return [Self.formatVersion] + box
        } catch {
            throw .sealingFailed(binding, reason: String(describing: error))
        }
    }

    /// Decrypts a value sealed for `binding`.
    /// - Throws: ``SecretError/cannotOpen(_:)`` when the value was sealed for another row or key, or modified.
    package func open(_ sealed: [UInt8], for binding: SecretBinding) throws(SecretError) -> Secret {
        guard let version = sealed.first else {
            throw .cannotOpen(binding)
        }
        guard version == Self.formatVersion else {
            throw .unknownFormat(binding, version: version)
        }
        do {
            let plaintext = try key.secret.withBytes { keyBytes in
                try AESGCM.open(Array(sealed.dropFirst()), key: keyBytes, associatedData: binding.associatedData)
            }
            return Secret(bytes: plaintext)
        } catch {
            throw .cannotOpen(binding)
        }
    }

    /// Seals the fixed key-check plaintext, to store once per database.
    func makeKeyCheck() throws -> [UInt8] {
        try key.secret.withBytes { try AESGCM.seal(Self.keyCheckPlaintext, key: $0, associatedData: Self.keyCheckAssociatedData) }
    }

    /// Returns whether `box` is the key check sealed under this key.
    func opensKeyCheck(_ box: [UInt8]) -> Bool {
        let opened = key.secret.withBytes { try? AESGCM.open(box, key: $0, associatedData: Self.keyCheckAssociatedData) }
        return opened == Self.keyCheckPlaintext
    }
}
