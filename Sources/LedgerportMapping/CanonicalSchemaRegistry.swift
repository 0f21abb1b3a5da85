import Foundation
import LedgerportMappingData
import LedgerportSDK

/// The canonical JSON Schemas known to this build: one per object type and
/// schema version, and one per event envelope version.
///
/// Mapping validation resolves every field path against these schemas, so a
/// path that the canonical object does not have is caught before a mapping runs.
package struct CanonicalSchemaRegistry: Sendable {
    private var objects: [CanonicalObjectType: [Int: SchemaNode]]
    private var envelopes: [Int: SchemaNode]

    /// Creates a registry of object schemas by type and version, and envelope schemas by version.
    package init(objects: [CanonicalObjectType: [Int: SchemaNode]], envelopes: [Int: SchemaNode]) {
        self.objects = objects
        self.envelopes = envelopes
    }

    /// The schema of `type` at `version`, or nil when this build has none.
    package func objectSchema(_ type: CanonicalObjectType, version: Int) -> SchemaNode? {
        objects[type]?[version]
    }

    /// The schema versions known for `type`, sorted.
    package func versions(of type: CanonicalObjectType) -> [Int] {
        (objects[type] ?? [:]).keys.sorted()
    }

    /// The schema of the event envelope at `version`.
    package func envelopeSchema(version: Int) -> SchemaNode? {
        envelopes[version]
    }

    /// The event types the envelope schema lists, such as `invoice.finalized`.
    package func knownEventTypes(envelopeVersion: Int) -> [String] {
        (envelopes[envelopeVersion]?.properties["type"]?.allowedValues ?? []).compactMap(\.stringValue)
    }

    /// Reads every `<object_type>.v<N>.schema.json` and `event.v<N>.schema.json` in `folder`.
    package static func load(from folder: URL) throws -> CanonicalSchemaRegistry {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var registry = CanonicalSchemaRegistry(objects: [:], envelopes: [:])
        for name in names where name.hasSuffix(".schema.json") {
            let stem = name.dropLast(".schema.json".count)
            let parts = stem.split(separator: ".")
            guard parts.count == 2, parts[1].hasPrefix("v"), let version = Int(parts[1].dropFirst()) else {
                throw SchemaLoadError(file: name, pointer: .root, message: "file name must be <object_type>.v<N>.schema.json")
            }
            let document = try JSONParser.parse(try Array(Data(contentsOf: folder.appendingPathComponent(name))))
            let node = try SchemaLoader.load(document, file: name)
            if parts[0] == "event" {
                registry.envelopes[version] = node
            } else if let type = CanonicalObjectType(rawValue: String(parts[0])) {
                registry.objects[type, default: [:]][version] = node
            } else {
                throw SchemaLoadError(file: name, pointer: .root, message: "\"\(parts[0])\" is not a canonical object type")
            }
        }
        return registry
    }

    /// The schemas bundled with this build, loaded once.
    package static func bundled() throws -> CanonicalSchemaRegistry {
        try bundledResult.get()
    }

    private static let bundledResult: Result<CanonicalSchemaRegistry, any Error> = Result {
        guard let folder = MappingResources.canonicalSchemaFolder else {
            throw SchemaLoadError(file: "canonical", pointer: .root, message: "the bundled canonical schema folder is missing; rebuild the package")
        }
        return try load(from: folder)
    }
}
