import Foundation
import LedgerportSDK

/// Checks the signature of a HubSpot webhook request.
///
/// Version 3 (`X-HubSpot-Signature-v3`) is base64 HMAC-SHA256, keyed by the
/// app's client secret, over method, URI, body and the
/// `X-HubSpot-Request-Timestamp` value (milliseconds). A timestamp more than
/// five minutes from now is rejected. When a request has no v3 signature
/// and legacy signatures are allowed, `X-HubSpot-Signature-Version` selects
/// v1 (hex SHA-256 of secret + body) or v2 (hex SHA-256 of secret + method +
/// URI + body). Source: developers.hubspot.com, "Validating requests".
///
/// Each configured secret is tried, compared in constant time, so a client
/// secret can be rotated with overlap. It does no I/O and does not parse the body.
struct HubSpotSignatureVerifier: Sendable {
    let secrets: [Secret]
    let allowLegacy: Bool
    static let toleranceMilliseconds: Int64 = 5 * 60 * 1000

    /// Verifies a request whose full URI (scheme, host, path and query) is `uri`.
    func verify(method: String, uri: String, headers: HTTPHeaders, body: [UInt8], now: Date) throws(WebhookRejection) {
        guard !secrets.isEmpty else {
            throw WebhookRejection(.noActiveSecret, "verify HubSpot webhook: the connection has no client secret; store the app's client secret in \"client_secret\"", httpStatus: 500)
        }
        let uri = Self.decodedURI(uri)
        if let signature = headers["X-HubSpot-Signature-v3"] {
            try verifyVersion3(signature: signature, timestamp: headers["X-HubSpot-Request-Timestamp"], method: method, uri: uri, body: body, now: now)
            return
        }
        guard let legacy = headers["X-HubSpot-Signature"], allowLegacy else {
            throw WebhookRejection(.missingSignature, "header X-HubSpot-Signature-v3 is missing; HubSpot signs every webhook, so check that the request comes from HubSpot (set \"allow_legacy_signatures\" to accept v1 and v2)")
        }
        try verifyLegacy(signature: legacy, version: headers["X-HubSpot-Signature-Version"], method: method, uri: uri, body: body)
    }

    private func verifyVersion3(signature: String, timestamp: String?, method: String, uri: String, body: [UInt8], now: Date) throws(WebhookRejection) {
        guard let timestamp, let milliseconds = Int64(timestamp) else {
            throw WebhookRejection(.malformedSignature, "header X-HubSpot-Request-Timestamp is missing or not a Unix time in milliseconds")
        }
        guard let expected = Data(base64Encoded: signature), expected.count == 32 else {
            throw WebhookRejection(.malformedSignature, "header X-HubSpot-Signature-v3 is not base64 of 32 bytes")
        }
        let message = Array((method + uri).utf8) + body + Array(timestamp.utf8)
        let matched = secrets.contains { MessageAuthentication.constantTimeEquals(MessageAuthentication.hmacSHA256(key: $0, message: message), Array(expected)) }
        guard matched else {
            throw WebhookRejection(
                .signatureMismatch,
                "X-HubSpot-Signature-v3 matches no client secret of the connection; check \"client_secret\" and that \"webhook_url\" is the URL exactly as entered in HubSpot",
                logDetail: "compared with \(secrets.count) active client secret(s)")
        }
        let age = Int64((now.timeIntervalSince1970 * 1000).rounded(.down)) - milliseconds
        guard abs(age) <= Self.toleranceMilliseconds else {
            throw WebhookRejection(.timestampOutsideTolerance, "request timestamp \(milliseconds) is \(age / 1000) s from now, outside HubSpot's five-minute window; check the server clock")
        }
    }

    private func verifyLegacy(signature: String, version: String?, method: String, uri: String, body: [UInt8]) throws(WebhookRejection) {
        guard let expected = MessageAuthentication.bytes(fromHex: signature), expected.count == 32 else {
            throw WebhookRejection(.malformedSignature, "header X-HubSpot-Signature is not 64 hexadecimal digits")
        }
        let suffix: [UInt8]
        switch version {
        case "v1": suffix = body
        case "v2": suffix = Array((method + uri).utf8) + body
        default:
            throw WebhookRejection(.malformedSignature, "header X-HubSpot-Signature-Version is \"\(version ?? "missing")\"; expected v1 or v2")
        }
        let matched = secrets.contains { secret in
            secret.withBytes { MessageAuthentication.constantTimeEquals(MessageAuthentication.sha256($0 + suffix), expected) }
        }
        guard matched else {
            throw WebhookRejection(
                .signatureMismatch, "X-HubSpot-Signature (\(version ?? "")) matches no client secret of the connection; check \"client_secret\"",
                logDetail: "compared with \(secrets.count) active client secret(s)")
        }
    }

    /// Decodes the percent-encoded characters that HubSpot's v3 instructions decode (`%3A` to `:`, and so on).
    static func decodedURI(_ uri: String) -> String {
        let decoded: [(String, String)] = [
            ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"),
            ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
        ]
        var result = uri
        for (encoded, character) in decoded {
            result = result.replacingOccurrences(of: encoded, with: character, options: .caseInsensitive)
        }
        return result
    }
}
