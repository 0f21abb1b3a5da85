import LedgerportSDK

/// A connector named as `id@version`, such as `stripe@1.0.0`, on the command line.
struct ConnectorReference: Sendable, Hashable, CustomStringConvertible {
    let id: String
    let version: SemanticVersion

    /// Parses `id@version`, or returns nil when the text has no `@` or no semantic version after it.
    init?(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let version = SemanticVersion(String(parts[1])) else {
            return nil
        }
        id = String(parts[0])
        self.version = version
    }

    var description: String {
        "\(id)@\(version)"
    }
}
