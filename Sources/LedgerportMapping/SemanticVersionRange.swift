import LedgerportSDK

/// A range of connector versions a mapping works with, such as `>=1.0.0 <2.0.0` or `^1.2.0`.
///
/// The text is one or more comparators separated by spaces, all of which a
/// version must satisfy: `=`, `>`, `>=`, `<`, `<=` followed by a version, a
/// bare version (meaning `=`), or `^X.Y.Z` (at least X.Y.Z and below the next
/// major version; below the next minor version when X is 0).
package struct SemanticVersionRange: Sendable, Hashable, CustomStringConvertible {
    private enum Comparator: Hashable {
        case equal(SemanticVersion)
        case greater(SemanticVersion)
        case greaterOrEqual(SemanticVersion)
        case less(SemanticVersion)
        case lessOrEqual(SemanticVersion)

        func isSatisfied(by version: SemanticVersion) -> Bool {
            switch self {
            case .equal(let bound): version == bound
            case .greater(let bound): version > bound
            case .greaterOrEqual(let bound): version >= bound
            case .less(let bound): version < bound
            case .lessOrEqual(let bound): version <= bound
            }
        }
    }

    private let comparators: [Comparator]
    /// The range as written.
    package let description: String

    /// Parses range text; returns nil when a part is not a comparator with a semantic version.
    package init?(_ text: String) {
        var comparators = [Comparator]()
        let parts = text.split(separator: " ")
        for part in parts {
            guard let parsed = SemanticVersionRange.parse(part) else { return nil }
            comparators += parsed
        }
        guard !comparators.isEmpty else { return nil }
        self.comparators = comparators
        self.description = parts.joined(separator: " ")
    }

    /// Whether `version` satisfies every comparator.
    package func contains(_ version: SemanticVersion) -> Bool {
        comparators.allSatisfy { $0.isSatisfied(by: version) }
    }

    private static func parse(_ part: Substring) -> [Comparator]? {
        let operators: [(String, (SemanticVersion) -> Comparator)] = [
            (">=", Comparator.greaterOrEqual), ("<=", Comparator.lessOrEqual), (">", Comparator.greater),
            ("<", Comparator.less), ("=", Comparator.equal),
        ]
        if part.hasPrefix("^") {
            guard let base = SemanticVersion(String(part.dropFirst())) else { return nil }
            let upper = base.major == 0
                ? SemanticVersion(major: 0, minor: base.minor + 1, patch: 0)
                : SemanticVersion(major: base.major + 1, minor: 0, patch: 0)
            return [.greaterOrEqual(base), .less(upper)]
        }
        for (symbol, make) in operators where part.hasPrefix(symbol) {
            return SemanticVersion(String(part.dropFirst(symbol.count))).map { [make($0)] }
        }
        return SemanticVersion(String(part)).map { [.equal($0)] }
    }
}
