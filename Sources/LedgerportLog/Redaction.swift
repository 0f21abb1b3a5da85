/// The redaction rules applied to every record before a handler sees it.
///
/// Two rules apply, so that a secret cannot leak by mistake:
/// 1. values of ``LogRedacted`` types are replaced when the ``LogValue`` is built;
/// 2. any metadata key whose last dotted component names a credential
///    (`password`, `secret`, `token`, `api_key`, `authorization`, ...) has its
///    value replaced, whatever the value is.
///
/// Redaction does not scan free text: put data in metadata, not in messages.
public enum Redaction {
    /// Key components that always mark a credential.
    public static let sensitiveKeyComponents: Set<String> = [
        "password", "passwd", "secret", "secrets", "token", "api_key", "apikey",
        "authorization", "cookie", "set-cookie", "signature", "master_key", "private_key", "encryption_key",
        "stripe-signature", "x-hubspot-signature", "x-hubspot-signature-v3",
    ]

    /// Reports whether a metadata key or header name names a credential.
    public static func isSensitive(key: String) -> Bool {
        let lowered = key.lowercased()
        let lastComponent = lowered.split(separator: ".").last.map(String.init) ?? lowered
        if sensitiveKeyComponents.contains(lastComponent) {
            return true
        }
        return lastComponent.hasSuffix("_secret") || lastComponent.hasSuffix("_token")
            || lastComponent.hasSuffix("_password") || lastComponent.hasSuffix("_api_key")
    }

    /// Returns metadata with the value of every sensitive key replaced.
    public static func redact(_ metadata: LogMetadata) -> LogMetadata {
        var result = LogMetadata(minimumCapacity: metadata.count)
        for (key, value) in metadata {
            result[key] = isSensitive(key: key) ? .string(LogValue.redactedText) : redact(value)
        }
        return result
    }

    private static func redact(_ value: LogValue) -> LogValue {
        switch value {
        case .dictionary(let entries):
            .dictionary(redact(entries))
        case .array(let values):
            .array(values.map(redact))
        case .string, .integer, .boolean:
            value
        }
    }
}
