import LedgerportCrypto
import LedgerportSDK
import LedgerportStore

/// Issues, authenticates and revokes bearer tokens of the admin API.
///
/// A token is `lpt_` followed by 64 lowercase hexadecimal digits (32 random
/// bytes from the operating system). The store keeps only its SHA-256, so
/// the token exists in clear text once: in the value ``create(tenant:role:name:actor:)``
/// returns, which the caller shows to the person and then drops. Name a
/// token after the person who holds it (their email address): the name is
/// the actor of that token's audit entries and the reviewer of its
/// change-request decisions.
package struct APITokenService: Sendable {
    /// The text every token starts with, so a leaked token is easy to recognize in logs and scanners.
    package static let prefix = "lpt_"
    /// The number of random bytes in a token, written as twice as many hexadecimal digits.
    package static let secretByteCount = 32

    /// The store that keeps the digests and audits creation and revocation.
    package let store: any Store

    /// Creates a service over `store`.
    package init(store: any Store) {
        self.store = store
    }

    /// Creates a token for a tenant (nil: the platform) and a role; returns the stored record and the token text.
    ///
    /// The name is stored normalized (trimmed and lowercased, see
    /// ``ActorIdentity``), because it is the identity the token reviews under.
    /// - Throws: ``StoreError`` `invalid_input` for a blank name or a role that
    ///   does not fit the scope (operator for platform tokens only).
    package func create(tenant: TenantID?, role: APIRole, name: String, actor: String) async throws -> (APIToken, Secret) {
        let token = Self.prefix + Hex.encode(SecureRandom.bytes(count: Self.secretByteCount))
        let record = try await store.createAPIToken(
            NewAPIToken(tenantID: tenant, role: role, name: ActorIdentity.normalized(name), tokenDigest: SHA256.digest(Array(token.utf8))), actor: actor
        )
        return (record, Secret(token))
    }

    /// Returns the token record for `text`, or nil when it is malformed, unknown or revoked.
    package func authenticate(_ text: String) async throws -> APIToken? {
        guard Self.isWellFormed(text) else {
            return nil
        }
        return try await store.apiToken(digest: SHA256.digest(Array(text.utf8)))
    }

    /// Whether `text` has the token format, checked before any lookup.
    package static func isWellFormed(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else {
            return false
        }
        let digits = text.utf8.dropFirst(prefix.utf8.count)
        return digits.count == secretByteCount * 2 && digits.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
