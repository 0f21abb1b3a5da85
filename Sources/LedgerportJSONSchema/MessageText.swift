import LedgerportSDK

/// Renders values and name lists for issue messages: JSON-quoted, and cut when long.
package enum MessageText {
    /// The maximum length of a value rendered in a message. Longer text is cut and ends with "…".
    static let maximumValueLength = 60

    /// Renders `value` for a message: strings and numbers as JSON text, containers by their size.
    package static func describe(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            return members.isEmpty ? "an empty object" : "an object"
        case .array(let elements):
            return elements.isEmpty ? "an empty array" : "an array of \(elements.count) items"
        case .null, .bool, .number, .string:
            let text = JSONWriter.string(value)
            guard text.count > maximumValueLength else {
                return text
            }
            return String(text.prefix(maximumValueLength)) + "…"
        }
    }

    /// Quotes `name` as a JSON string literal, such as `"version"`.
    package static func quote(_ name: String) -> String {
        JSONWriter.string(.string(name))
    }

    /// Quotes each name and joins them with commas: `"source", "target"`.
    package static func quotedList(_ names: some Sequence<String>) -> String {
        names.map(quote).joined(separator: ", ")
    }

    /// Returns a "did you mean" phrase for the candidate closest to `name`, or an empty string when none is close.
    ///
    /// A candidate is close when at most a third of its characters (at least one)
    /// must change, the usual size of a typo. Letter case, underscores and hyphens
    /// do not count, so `ACME` finds `acme` and `apibase` finds `api_base_url`.
    /// Callers still match the names themselves exactly.
    package static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        let typed = comparable(name)
        let scored = candidates.map { ($0, editDistance(typed, comparable($0))) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else {
            return ""
        }
        let allowed = max(1, comparable(best.0).count / 3)
        return best.1 <= allowed ? "did you mean \(quote(best.0))? " : ""
    }

    /// Returns `name` in lowercase without underscores and hyphens, the form that ``didYouMean(_:among:)`` compares.
    private static func comparable(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Counts the character edits that turn `lhs` into `rhs`, where swapping two neighbouring
    /// characters is one edit (the optimal string alignment distance).
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: right.count + 1), count: left.count + 1)
        for i in 0...left.count { table[i][0] = i }
        for j in 0...right.count { table[0][j] = j }
        for i in 1...left.count {
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[left.count][right.count]
    }
}
