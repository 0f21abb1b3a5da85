import Foundation
import LedgerportJSONSchema
import LedgerportSDK

extension ConnectorSpec {
    /// A problem with new values of a connector's secret fields. Its message and hint never contain a value.
    package struct SecretProblem: Error, Sendable, Hashable {
        /// The problem, such as `"apikey" is not a secret field of stripe@1.0.0`.
        package let message: String
        package let hint: String
    }

    /// Returns the first problem with `secrets` as new values of this connector's secret fields, or nil when there is none.
    ///
    /// Checks that every field is a secret field of the spec, naming the closest
    /// one for a misspelt field, then that every value matches its field's
    /// `pattern` (such as `^whsec_`), naming the field and the pattern only.
    package func secretProblem(_ secrets: [String: Secret]) -> SecretProblem? {
        let secretFields = Set(configuration.filter { $0.value.secret }.keys)
        let unknown = Set(secrets.keys).subtracting(secretFields).sorted()
        // A name that is no identifier, or that matches a secret field's pattern, may be a value pasted in the wrong
        // place, so it is not repeated.
        if unknown.contains(where: { !Self.isFieldName($0) || looksLikeSecretValue($0) }) {
            return SecretProblem(
                message: "a field name is not an identifier (it is not repeated here, in case it is a secret value)",
                hint: "name the fields as the spec does, such as \(MessageText.quotedList(secretFields.sorted()))")
        }
        if !unknown.isEmpty {
            let known = MessageText.quotedList(secretFields.sorted())
            let suggestion = unknown.count == 1 ? MessageText.didYouMean(unknown[0], among: secretFields) : ""
            return SecretProblem(
                message: "\(MessageText.quotedList(unknown)) \(unknown.count == 1 ? "is not a secret field" : "are not secret fields") of \(id)@\(version)",
                hint: known.isEmpty ? "the connector has no secret fields" : "\(suggestion)its secret fields are \(known)")
        }
        for field in secrets.keys.sorted() {
            guard let pattern = configuration[field]?.pattern, let expression = try? NSRegularExpression(pattern: pattern) else {
                continue
            }
            let text = secrets[field]!.revealText()
            if expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                return SecretProblem(
                    message: "the value of secret \"\(field)\" does not match \(id)'s pattern \"\(pattern)\"",
                    hint: "check that it is the right kind of secret for this field")
            }
        }
        return nil
    }

    /// Returns whether `text` matches the pattern of one of the spec's secret fields, such as `^whsec_`.
    private func looksLikeSecretValue(_ text: String) -> Bool {
        configuration.values.contains { field in
            guard field.secret, let pattern = field.pattern, let expression = try? NSRegularExpression(pattern: pattern) else {
                return false
            }
            return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// Returns whether `name` has the shape of a configuration field name: lowercase letters, digits and underscores.
    private static func isFieldName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 64, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
