import LedgerportSDK

/// The rule for the example of a secret configuration field: an obvious placeholder, never a realistic key.
///
/// An example is a placeholder when it contains `REPLACE_ME` (`sk_test_REPLACE_ME`)
/// or is a description in angle brackets (`<hubspot app client secret>`).
/// Anything else could be a real credential pasted from a dashboard, so the
/// linter rejects it and specs never carry one.
package enum SecretPlaceholder {
    /// The marker a placeholder may contain.
    package static let marker = "REPLACE_ME"

    /// Returns whether `example` is a string in one of the placeholder forms.
    package static func isPlaceholder(_ example: JSONValue) -> Bool {
        guard let text = example.stringValue else {
            return false
        }
        if text.contains(marker) {
            return true
        }
        let inner = text.dropFirst().dropLast()
        return text.count > 2 && text.hasPrefix("<") && text.hasSuffix(">") && !inner.contains("<") && !inner.contains(">")
    }

    /// Returns whether a field name reads like a credential (`api_key`, `client_secret`, `password`).
    package static func looksLikeCredential(_ fieldName: String) -> Bool {
        let words = Set(fieldName.split(separator: "_").map(String.init))
        return !words.isDisjoint(with: ["password", "secret", "token", "credential", "credentials"])
            || fieldName.hasSuffix("api_key") || fieldName.hasSuffix("private_key")
    }
}
