/// "Did you mean" hints for misspelt names.
enum Suggestion {
    /// Finds the known name closest to `name`, when it is close enough to be a likely typo: within a few
    /// edits, or sharing a beginning of at least half the name (`creation` for `created_at`).
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let scored = candidates.map { ($0, distance(name, $0)) }
        if let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(2, name.count / 3) {
            return best.0
        }
        let prefixed = candidates.map { ($0, commonPrefixLength(name, $0)) }.filter { $0.1 >= 4 && $0.1 * 2 >= name.count }
        return prefixed.max(by: { ($0.1, $1.0) < ($1.1, $0.0) })?.0
    }

    private static func commonPrefixLength(_ left: String, _ right: String) -> Int {
        zip(left, right).prefix { $0 == $1 }.count
    }

    /// Builds a fix text: the closest name when there is one, else the list of valid names.
    static func fix(for name: String, among candidates: some Sequence<String>, noun: String) -> String {
        let sorted = candidates.sorted()
        if let best = closest(to: name, among: sorted) {
            return "did you mean \"\(best)\"? Valid \(noun)s: \(sorted.joined(separator: ", "))"
        }
        return "use one of the valid \(noun)s: \(sorted.joined(separator: ", "))"
    }

    /// Computes the Levenshtein distance between two strings, by characters.
    private static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
