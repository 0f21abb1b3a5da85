import LedgerportSDK

extension ConnectorRegistry {
    /// Loads every spec under `specsDirectory` and binds them to `implementations`.
    ///
    /// This is what a process runs at startup: it fails when any spec is
    /// invalid (listing each issue with its file and pointer) or when specs and
    /// implementations do not match one for one.
    package static func load(specsDirectory: String, implementations: [any Connector.Type]) throws -> ConnectorRegistry {
        let loader = try SpecLoader(specsDirectory: specsDirectory)
        let result = loader.loadDirectory(specsDirectory)
        guard result.isValid else {
            throw ConnectorSpecsInvalid(directory: specsDirectory, issues: result.issues.map(\.description))
        }
        return try ConnectorRegistry(specs: result.specs, implementations: implementations)
    }
}

/// The specs folder holds invalid specs, so no registry can be built from it.
package struct ConnectorSpecsInvalid: Error, Sendable, CustomStringConvertible {
    package let directory: String
    package let issues: [String]

    package var description: String {
        "load connector specs from \(directory): \(issues.count) problem(s); run `ledgerport spec validate \(directory)`\n"
            + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
