import LedgerportLog
import LedgerportSDK

/// Replaces the values of credential-bearing header fields before they are logged.
///
/// Redacted: `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`,
/// `Stripe-Signature`, every `X-HubSpot-Signature*` field, `X-Api-Key`, and any
/// name that ``Redaction`` treats as sensitive. Names keep their case; values
/// of other fields are logged as received.
enum HTTPHeaderRedaction {
    private static let sensitiveNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "stripe-signature", "x-api-key",
    ]

    static func isSensitive(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return sensitiveNames.contains(lowered) || lowered.hasPrefix("x-hubspot-signature") || Redaction.isSensitive(key: lowered)
    }

    /// Converts the fields to a log value: a list of `name: value` strings in order, sensitive values replaced.
    static func logValue(_ headers: HTTPHeaders) -> LogValue {
        .array(headers.map { field in
            let value = isSensitive(field.name) ? LogValue.redactedText : field.value
            return .string("\(field.name): \(value)")
        })
    }
}
