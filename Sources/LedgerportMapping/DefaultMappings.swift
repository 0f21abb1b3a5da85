import Foundation
import LedgerportMappingData
import LedgerportSDK

/// The default mappings shipped with Ledgerport, kept as JSON files in `mappings/defaults/`.
package enum DefaultMappings {
    /// One default mapping file with the name and version it declares.
    package struct Entry: Sendable, Hashable {
        /// The mapping name the file declares.
        package var name: String
        /// The version the file declares.
        package var version: String
        /// The bundled file this build reads.
        package var url: URL
        /// The path of the file in the Ledgerport repository, such as `mappings/defaults/stripe_invoice_to_odoo.json`.
        package var repositoryPath: String
    }

    /// Lists the default mappings, sorted by name, reading only their name and version.
    package static func list() throws -> [Entry] {
        guard let folder = MappingResources.defaultMappingFolder else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the bundled default mapping folder is missing; rebuild the package"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var entries = [Entry]()
        for name in names {
            let url = folder.appendingPathComponent(name)
            let document = try JSONParser.parse(Array(try Data(contentsOf: url)))
            entries.append(Entry(
                name: document["name"]?.stringValue ?? name, version: document["version"]?.stringValue ?? "",
                url: url, repositoryPath: "mappings/defaults/\(name)"
            ))
        }
        return entries
    }

    /// Loads and validates every default mapping.
    package static func load(environment: ValidationEnvironment) throws -> [Mapping] {
        var mappings = [Mapping]()
        for entry in try list() {
            mappings.append(try Mapping.load(contentsOf: entry.url, file: entry.repositoryPath, environment: environment))
        }
        return mappings
    }
}
