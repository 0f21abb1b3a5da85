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
}
