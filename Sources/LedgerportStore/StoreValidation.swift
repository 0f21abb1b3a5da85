import Foundation

/// The input rules every ``Store`` implementation applies before it writes.
///
/// Keeping them here means every implementation rejects the same input with
/// the same message, which the conformance tests check.
package enum StoreValidation {
    /// The maximum length of a slug, in characters.
    package static let maximumSlugLength = 63

    /// Checks that `text` is a slug: 1 to 63 characters of `a`–`z`, `0`–`9`, `-` and `_`, starting with a letter or digit.
    ///
    /// - Throws: ``StoreError`` (`invalid_input`) naming `valueName` and the value.
    package static func validateSlug(_ text: String, operation: @autoclosure () -> String, valueName: String) throws(StoreError) {
        let isAllowed: (UInt8) -> Bool = { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        let isValid: (String.UTF8View) -> Bool = { characters in
            guard let first = characters.first else { return false }
            return characters.count <= maximumSlugLength && characters.allSatisfy(isAllowed)
                && first != UInt8(ascii: "-") && first != UInt8(ascii: "_")
        }
        guard isValid(text.utf8) else {
            // "Acme EU" is most likely meant as "acme-eu"; suggest that when it is a valid slug.
            let suggestion = text.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: "-")
            let hint = suggestion != text && isValid(suggestion.utf8)
                ? "use \"\(suggestion)\"" : "choose a name such as \"acme-eu\""
            throw .invalidInput(
                operation(), "\(valueName) \"\(text)\"",
                "a \(valueName) must be 1 to \(maximumSlugLength) characters of a-z, 0-9, '-' and '_', starting with a letter or digit",
                hint: hint)
        }
    }

    /// Checks that `identifier` names an IANA time zone known to this system, such as `Europe/Paris`.
    package static func validateTimeZone(_ identifier: String, operation: @autoclosure () -> String) throws(StoreError) {
        guard TimeZone(identifier: identifier) != nil, identifier.contains("/") || identifier == "UTC" else {
            throw .invalidInput(
                operation(), "time zone \"\(identifier)\"", "not an IANA time zone",
                hint: "use a name from the IANA database such as \"Europe/Paris\" or \"UTC\"")
        }
    }

    /// Checks that `text` is not empty after trimming whitespace.
    package static func validateNotBlank(_ text: String, operation: @autoclosure () -> String, valueName: String) throws(StoreError) {
        // A scan of the scalars instead of Foundation's trimming: ingest checks three values per event,
        // and trimming through NSString took about 2 µs each. Most values start with a visible ASCII
        // character, which settles it without reading Unicode properties.
        if let first = text.utf8.first, first > 0x20, first < 0x7F {
            return
        }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw .invalidInput(operation(), valueName, "must not be empty or only spaces", hint: "give the \(valueName) in words")
        }
    }
}
