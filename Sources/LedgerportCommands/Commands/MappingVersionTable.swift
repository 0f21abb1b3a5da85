import LedgerportRuntime
import LedgerportStore

/// The table of a tenant's mapping versions that `mapping list --tenant` prints.
enum MappingVersionTable {
    /// Returns the header and one row per stored version: mapping, version, digest, creation, and the environments where it is in force.
    ///
    /// A mapping without versions gets one row with `-` in place of a version.
    static func rows(_ overviews: [MappingOverview]) -> [[String]] {
        var rows = [["MAPPING", "VERSION", "DIGEST", "CREATED AT", "CREATED BY", "ACTIVE IN"]]
        for overview in overviews {
            let id = overview.mapping.id.rawValue
            guard !overview.versions.isEmpty else {
                rows.append([id, "-", "-", "-", "-", "-"])
                continue
            }
            for version in overview.versions {
                let environments = overview.environments(activating: version.version).map(\.rawValue)
                rows.append([
                    id, String(version.version), String(version.digest.prefix(12)), AdminJSON.timestampText(version.createdAt), version.createdBy,
                    environments.isEmpty ? "-" : environments.joined(separator: ", "),
                ])
            }
        }
        return rows
    }
}
