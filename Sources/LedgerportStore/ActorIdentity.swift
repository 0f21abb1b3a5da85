import Foundation

/// The identity of a person who proposes, reviews or applies a change: the form it is stored and compared in.
///
/// The two-approver rule compares identities, so `" revops@acme.example"`,
/// `REVOPS@acme.example` and `revops@acme.example` must be the same person.
/// Identities are trimmed of whitespace and lowercased before they are stored
/// and before they are compared, also against rows written before this rule.
package enum ActorIdentity {
    /// Returns `text` without leading and trailing whitespace, lowercased.
    package static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Returns whether two identities name the same person once normalized.
    package static func same(_ first: String, _ second: String) -> Bool {
        normalized(first) == normalized(second)
    }

    /// Returns whether `text`, once normalized, looks like an email address: `local@domain.tld`.
    ///
    /// The check is deliberately loose: one `@`, a non-empty local part, a
    /// domain of at least two non-empty dot-separated labels, and no
    /// whitespace, quotes, commas or angle brackets. It does not check that
    /// the address receives mail.
    package static func isPlausibleEmail(_ text: String) -> Bool {
        let address = normalized(text)
        let forbidden = Set(" \t\r\n\"'<>(),;:[]\\")
        guard !address.contains(where: { forbidden.contains($0) || $0.isNewline }) else {
            return false
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
