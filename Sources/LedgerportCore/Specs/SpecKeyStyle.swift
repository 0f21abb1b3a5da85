import LedgerportJSONSchema
import LedgerportSDK

/// The key naming rule of spec files: snake_case everywhere the spec format defines the keys.
///
/// Embedded JSON Schemas (`/objects/N/schema`, `/webhooks/payload_schema`) are
/// skipped, because their keywords are camelCase by the JSON Schema standard
/// and their property names are the connected system's (`createdAt`).
/// `example` and `default` values are skipped for the same reason.
enum SpecKeyStyle {
    /// Returns whether `key` is snake_case: lowercase letters and digits, words joined by single underscores.
    static func isSnakeCase(_ key: String) -> Bool {
        var previousWasUnderscore = true
        for (offset, scalar) in key.unicodeScalars.enumerated() {
            switch scalar {
            case "a"..."z":
                previousWasUnderscore = false
            case "0"..."9":
                guard offset > 0 else { return false }
                previousWasUnderscore = false
            case "_":
                guard !previousWasUnderscore else { return false }
                previousWasUnderscore = true
            default:
                return false
            }
        }
        return !key.isEmpty && !previousWasUnderscore
    }

    /// Returns a `snake_case_keys` issue for every key in `document` that breaks the rule.
    static func snakeCaseIssues(in document: JSONValue, file: String?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        collect(document, at: .root, file: file, into: &issues)
        return issues
    }

    private static func collect(_ value: JSONValue, at pointer: JSONPointer, file: String?, into issues: inout [ValidationIssue]) {
        guard !isSkipped(pointer) else {
            return
        }
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                let place = pointer.appending(key)
                if !isSnakeCase(key) {
                    issues.append(ValidationIssue(
                        file: file, pointer: place, rule: "snake_case_keys",
                        message: "key \(MessageText.quote(key)) is not snake_case",
                        fix: "rename it to \(MessageText.quote(snakeCased(key)))"
                    ))
                }
                collect(members[key]!, at: place, file: file, into: &issues)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, at: pointer.appending(index), file: file, into: &issues)
            }
        case .null, .bool, .number, .string:
            break
        }
    }

    private static func isSkipped(_ pointer: JSONPointer) -> Bool {
        let tokens = pointer.tokens
        if let last = tokens.last, last == "example" || last == "default" {
            return true
        }
        if tokens.count == 3, tokens[0] == "objects", tokens[2] == "schema" {
            return true
        }
        return tokens == ["webhooks", "payload_schema"]
    }

    /// Returns a snake_case spelling of a camelCase, kebab-case or spaced key, for the fix text.
    static func snakeCased(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                if !result.isEmpty, result.last != "_" {
                    result.append("_")
                }
                result.append(contentsOf: character.lowercased())
            } else if character == "-" || character == " " || character == "." {
                result.append("_")
            } else {
                result.append(character)
            }
        }
        return result
    }
}
