import Foundation

/// The data files bundled with the mapping engine.
///
/// They live in this folder of the repository so that reviewers read them as
/// data, and SwiftPM copies them next to the built products as resources.
package enum MappingResources {
    /// The folder of canonical JSON Schemas, one file per object type and
    /// schema version (`invoice.v1.schema.json`), plus the event envelope (`event.v1.schema.json`).
    package static var canonicalSchemaFolder: URL? {
        Bundle.module.url(forResource: "canonical", withExtension: nil)
    }

    /// The folder of default mappings shipped with Ledgerport, one JSON file each.
    package static var defaultMappingFolder: URL? {
        Bundle.module.url(forResource: "defaults", withExtension: nil)
    }

    /// The JSON Schema that describes the mapping format.
    package static var mappingSchemaFile: URL? {
        Bundle.module.url(forResource: "mapping.schema", withExtension: "json")
    }
}
