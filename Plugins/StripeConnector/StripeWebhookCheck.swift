import Foundation
import LedgerportSDK

/// Verifies one Stripe webhook offline, as `ledgerport webhook verify --connector stripe` does.
///
/// It is what a person runs when a signature fails mysteriously: the same
/// checks as ``StripeConnector/verifyWebhook(_:)`` on a header, a body file
/// and a secret file, at a chosen time, with the same rejection reasons.
package enum StripeWebhookCheck {
    /// Verifies `body` against `headerLine` with `secrets` at `now`, returning the event's id and type.
    ///
    /// `headerLine` is either the full header (`Stripe-Signature: t=...,v1=...`)
    /// or its value alone. Throws ``WebhookRejection`` with the reason.
    package static func verify(
        headerLine: String, body: [UInt8], secrets: [Secret], now: Date,
        toleranceSeconds: Int64 = StripeConnectionSettings.defaultToleranceSeconds
    ) throws(WebhookRejection) -> ReceivedEvent {
        let value = try headerValue(headerLine)
        try StripeSignatureVerifier(secrets: secrets, toleranceSeconds: toleranceSeconds).verify(header: value, body: body, now: now)
        guard let envelope = StripeEventEnvelope.scan(body) else {
            throw StripeEventEnvelope.malformedPayload(body)
        }
        return ReceivedEvent(eventID: envelope.id, eventType: envelope.type, payload: body)
    }

    /// Returns the value of a `Stripe-Signature` header line, or the line itself when it has no header name.
    static func headerValue(_ line: String) throws(WebhookRejection) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
        let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
        guard name.caseInsensitiveCompare(StripeSignatureHeader.fieldName) == .orderedSame else {
            throw WebhookRejection(.missingSignature, "the header given is \"\(name.prefix(40))\", not \(StripeSignatureHeader.fieldName); pass --header 'Stripe-Signature: t=...,v1=...'")
        }
        return trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// Reads the secrets of a secret file, one per line and newest first, skipping blank lines and `#` comments.
    package static func secrets(fromFileContents text: String) -> [Secret] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { Secret($0) }
    }
}
