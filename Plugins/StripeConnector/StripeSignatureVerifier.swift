import Foundation
import LedgerportSDK

/// Checks a Stripe webhook's signature against the connection's signing secrets.
///
/// The signed message is the header's `t`, a dot, and the body bytes exactly
/// as received. Each configured secret's HMAC-SHA256 is compared in constant
/// time with each `v1` signature, so a request signed with either the old or
/// the new secret passes while a secret is rolled. The signature is checked
/// before the timestamp, so "outside tolerance" is only reported for a
/// request that Stripe really signed (a late retry or a replay). A mismatch's
/// message does not say how many secrets were compared, because anyone can
/// send a request; that count goes to ``WebhookRejection/logDetail``.
///
/// It does not parse the body and does no I/O.
struct StripeSignatureVerifier: Sendable {
    /// The active signing secrets, newest first.
    let secrets: [Secret]
    /// The largest accepted distance between the signing time and now, in seconds.
    let toleranceSeconds: Int64

    /// Verifies `body` against the header `value` at time `now`.
    ///
    /// Throws a ``WebhookRejection`` with reason `no_active_secret`,
    /// `missing_signature`, `malformed_signature`, `signature_mismatch` or
    /// `timestamp_outside_tolerance`.
    func verify(header value: String?, body: [UInt8], now: Date) throws(WebhookRejection) {
        guard !secrets.isEmpty else {
            throw WebhookRejection(
                .noActiveSecret,
                "verify Stripe webhook: the connection has no webhook signing secret; store the endpoint's whsec_ secret in \"webhook_signing_secret\"",
                httpStatus: 500
            )
        }
        guard let value, !value.isEmpty else {
            throw WebhookRejection(.missingSignature, "header \(StripeSignatureHeader.fieldName) is missing; Stripe signs every webhook, so check that the request comes from Stripe")
        }
        let header = try StripeSignatureHeader(parsing: value)

        guard matchesAnySecret(header, body: body) else {
            throw WebhookRejection(
                .signatureMismatch,
                "no v1 signature in \(StripeSignatureHeader.fieldName) matches the endpoint's signing secret; check that the connection stores this endpoint's current whsec_ secret and that the body reaches the server unchanged",
                logDetail: "compared \(header.signatures.count) v1 signature(s) with \(secrets.count) active signing secret(s)"
            )
        }

        let age = Int64(now.timeIntervalSince1970.rounded(.down)) - header.timestamp
        guard abs(age) <= toleranceSeconds else {
            throw WebhookRejection(
                .timestampOutsideTolerance,
                "signature time t=\(header.timestamp) is \(age) s from now, outside the tolerance of \(toleranceSeconds) s; check the server clock, or raise \"webhook_tolerance_seconds\" to accept late retries"
            )
        }
    }

    private func matchesAnySecret(_ header: StripeSignatureHeader, body: [UInt8]) -> Bool {
        // Stripe signs "<timestamp>.<body>"; the parts are authenticated in turn instead of copied into one buffer.
        let prefix = Array("\(header.timestamp).".utf8)

        var matched = false
        for secret in secrets {
            let expected = MessageAuthentication.hmacSHA256(key: secret, messageParts: [prefix, body])
            for signature in header.signatures where MessageAuthentication.constantTimeEquals(expected, signature) {
                matched = true
            }
        }
        return matched
    }
}
