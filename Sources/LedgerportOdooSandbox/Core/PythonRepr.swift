import LedgerportSDK

/// Renders JSON values the way Python's `repr` prints them, for error messages that quote values.
enum PythonRepr {
    static func string(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let number): return number.description
        case .string(let text): return quoted(text)
        case .array(let values): return "[" + values.map(string).joined(separator: ", ") + "]"
        case .object(let members):
            let pairs = members.keys.sorted().map { "\(quoted($0)): \(string(members[$0]!))" }
            return "{" + pairs.joined(separator: ", ") + "}"
        }
    }

    /// Renders a tuple of values: `('name', '=', 1)`.
    static func tuple(_ values: [JSONValue]) -> String {
        "(" + values.map(string).joined(separator: ", ") + ")"
    }

    /// Renders a Python string literal in single quotes, or in double quotes when the text contains a single quote.
    static func quoted(_ text: String) -> String {
        if text.contains("'") && !text.contains("\"") {
            return "\"\(text)\""
        }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return "'\(escaped)'"
    }
}
