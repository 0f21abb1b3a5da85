import LedgerportSDK

/// An object a connector reads or writes, with its own schema version and JSON Schema.
package struct ObjectSpec: Sendable, Hashable, Decodable {
    /// The object name as the system calls it, such as `invoice` or `account.move`.
    package var name: String
    /// The version of ``schema``; it increases whenever the schema changes.
    package var schemaVersion: Int
    package var description: String
    /// The canonical object this object becomes or is written from.
    package var canonicalObject: CanonicalObjectType?
    /// Whether the connector lists past objects of this kind in a backfill.
    package var backfill: Bool
    /// The JSON Schema of the object as the system sends it (sources) or as it is read back (targets).
    package var schema: JSONValue

    enum CodingKeys: String, CodingKey {
        case name
        case schemaVersion = "schema_version"
        case description
        case canonicalObject = "canonical_object"
        case backfill
        case schema
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        description = try container.decode(String.self, forKey: .description)
        canonicalObject = try container.decodeIfPresent(CanonicalObjectType.self, forKey: .canonicalObject)
        backfill = try container.decodeIfPresent(Bool.self, forKey: .backfill) ?? false
        schema = try container.decode(JSONValue.self, forKey: .schema)
    }
}

/// A native event type of a source and the canonical event types it can become.
package struct EventTypeSpec: Sendable, Hashable, Decodable {
    /// The native type, such as `invoice.finalized` or `deal.propertyChange`.
    package var name: String
    /// The object the event carries; one of the spec's objects.
    package var object: String
    package var description: String
    /// The canonical types this event can turn into; empty when it is stored only.
    package var canonicalEventTypes: [CanonicalEventType]

    enum CodingKeys: String, CodingKey {
        case name, object, description
        case canonicalEventTypes = "canonical_event_types"
    }
}
