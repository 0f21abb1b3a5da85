import LedgerportSDK

/// Signs a Stripe event body the way Stripe does, for tools and tests that play events to an endpoint.
package enum StripeWebhookSigner {
    /// Computes the `Stripe-Signature` value for `body` signed at `timestamp` (Unix seconds), one `v1` per secret.
    package static func signatureHeader(body: [UInt8], timestamp: Int64, secrets: [Secret]) -> String {
        precondition(!secrets.isEmpty, "signing needs at least one secret")
        let prefix = Array("\(timestamp).".utf8)
        let signatures = secrets.map { "v1=" + MessageAuthentication.hex(MessageAuthentication.hmacSHA256(key: $0, messageParts: [prefix, body])) }
        return (["t=\(timestamp)"] + signatures).joined(separator: ",")
    }
}
