import Foundation
import LedgerportCore
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore

/// Rotates secret fields of a connection: checks the new values against its connector spec, seals them, and expires the previous ones.
///
/// The new values are active at once, and the previous values of the same
/// fields expire after `keepingPreviousFor` seconds, so that a webhook sender
/// can switch over while both are accepted. Errors name fields and patterns,
/// never a value. The command line and the admin API both rotate through it.
package struct SecretRotation: Sendable {
    /// The outcome of one rotation, without any value.
    package struct Outcome: Sendable, Hashable {
        /// The rotated fields, sorted.
        package let fields: [String]
        /// How many values of those fields were active or scheduled before.
        package let previousValues: Int
        /// When those previous values expire, unless they expired sooner already.
        package let previousValuesExpireAt: Date
    }

    package let store: any Store
    package let vault: SecretVault
    package let clock: any WallClock

    package init(store: any Store, vault: SecretVault, clock: any WallClock) {
        self.store = store
        self.vault = vault
        self.clock = clock
    }

    /// Stores `secrets` as the new values of their fields and expires the previous ones, in one transaction.
    ///
    /// - Throws: ``StoreError`` `invalid_input` when `secrets` is empty or `keepingPreviousFor` is negative. It is also
    ///   `invalid_input` when a field is not a secret field of `spec` or a value does not match its pattern.
    package func rotate(
        _ secrets: [String: Secret], keepingPreviousFor seconds: Int, connection: Connection, spec: ConnectorSpec, actor: String
    ) async throws -> Outcome {
        let operation = "rotate secrets of connection \"\(connection.id)\""
        guard !secrets.isEmpty else {
            throw StoreError(.invalidInput, "\(operation): no secret field is given", hint: "name at least one secret field, such as api_key")
        }
        guard seconds >= 0 else {
            throw StoreError(.invalidInput, "\(operation): the overlap of \(seconds) s is negative", hint: "keep the previous values for 0 or more seconds")
        }
        if let problem = spec.secretProblem(secrets) {
            throw StoreError(.invalidInput, "\(operation): \(problem.message)", hint: problem.hint)
        }
        let now = clock.now()
        // Whole milliseconds, as the store keeps times, so the outcome reads the same as the stored expiry.
        let expiry = Date(timeIntervalSince1970: Double(AuditChain.milliseconds(now.addingTimeInterval(Double(seconds)))) / 1000)
        let fields = secrets.keys.sorted()
        let sealed = try fields.map { field in
            try vault.seal(secrets[field]!, field: field, connection: connection.id, tenant: connection.tenantID, activeFrom: now)
        }
        let previous = try await store.rotateSecretValues(
            sealed, expiringPreviousAt: expiry, connection: connection.id, tenant: connection.tenantID, actor: actor)
        return Outcome(fields: fields, previousValues: previous.count, previousValuesExpireAt: expiry)
    }
}
