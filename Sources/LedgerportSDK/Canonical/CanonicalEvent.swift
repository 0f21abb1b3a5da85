import Foundation

/// A change to one business object, in Ledgerport's canonical vocabulary.
///
/// Sources translate native webhooks and backfill pages into canonical
/// events; mappings read them. Two keys drive the runtime:
/// - ``id`` deduplicates: the same id is stored and applied once;
/// - ``ordering`` detects stale states: the runtime remembers the highest
///   ``EventOrdering/version`` applied per object and skips an event whose
///   version is lower, so an older state never overwrites a newer one.
public struct CanonicalEvent: Sendable, Hashable {
    /// The version of the envelope format below.
    public static let envelopeVersion = 1

    /// A stable id for deduplication, such as Stripe's `evt_...`.
    public var id: String
    public var type: CanonicalEventType
    public var occurredAt: Date
    public var source: EventSource
    public var ordering: EventOrdering
    public var object: CanonicalObjectValue

    public init(
        id: String, type: CanonicalEventType, occurredAt: Date, source: EventSource,
        ordering: EventOrdering, object: CanonicalObjectValue
    ) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.source = source
        self.ordering = ordering
        self.object = object
    }
}

/// Where an event came from, for audit and for reading its native form again.
public struct EventSource: Codable, Sendable, Hashable {
    /// The source connector's id, such as `stripe`.
    public var connector: String
    /// The source connector's version, such as `1.0.0`.
    public var connectorVersion: String
    /// The native event type, such as `invoice.payment_succeeded`.
    public var nativeType: String
    /// The native API version the payload was read with, such as Stripe's `2017-08-15`.
    public var apiVersion: String?
    /// Whether the event comes from a live (not test) account, when the source says.
    public var livemode: Bool?

    public init(connector: String, connectorVersion: String, nativeType: String, apiVersion: String? = nil, livemode: Bool? = nil) {
        self.connector = connector
        self.connectorVersion = connectorVersion
        self.nativeType = nativeType
        self.apiVersion = apiVersion
        self.livemode = livemode
    }

    enum CodingKeys: String, CodingKey {
        case connector
        case connectorVersion = "connector_version"
        case nativeType = "native_type"
        case apiVersion = "api_version"
        case livemode
    }
}

/// The ordering key and version of an event.
public struct EventOrdering: Codable, Sendable, Hashable {
    /// The business object whose states the version orders, such as `invoice:in_123`.
    public var key: String
    /// A number that grows with each newer state of the object: a source timestamp
    /// in milliseconds or a sequence number. Equal versions are applied in arrival order.
    public var version: Int64

    public init(key: String, version: Int64) {
        self.key = key
        self.version = version
    }
}

extension CanonicalEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case envelopeVersion = "envelope_version"
        case id, type
        case occurredAt = "occurred_at"
        case source, ordering
        case objectType = "object_type"
        case objectSchemaVersion = "object_schema_version"
        case object
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let envelope = try container.decode(Int.self, forKey: .envelopeVersion)
        guard envelope == CanonicalEvent.envelopeVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .envelopeVersion, in: container,
                debugDescription: "envelope_version \(envelope) is not supported; this build reads version \(CanonicalEvent.envelopeVersion)"
            )
        }
        id = try container.decode(String.self, forKey: .id)
        type = try container.decode(CanonicalEventType.self, forKey: .type)
        occurredAt = try container.decode(Date.self, forKey: .occurredAt)
        source = try container.decode(EventSource.self, forKey: .source)
        ordering = try container.decode(EventOrdering.self, forKey: .ordering)
        let objectType = try container.decode(CanonicalObjectType.self, forKey: .objectType)
        let schemaVersion = try container.decode(Int.self, forKey: .objectSchemaVersion)
        let objectJSON = try container.decode(JSONValue.self, forKey: .object)
        let object = try CanonicalObjectValue.decode(objectType, from: objectJSON)
        guard object.schemaVersion == schemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .objectSchemaVersion, in: container,
                debugDescription: "\(objectType.rawValue) schema version \(schemaVersion) is not supported; this build reads version \(object.schemaVersion)"
            )
        }
        self.object = object
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CanonicalEvent.envelopeVersion, forKey: .envelopeVersion)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(source, forKey: .source)
        try container.encode(ordering, forKey: .ordering)
        try container.encode(object.objectType, forKey: .objectType)
        try container.encode(object.schemaVersion, forKey: .objectSchemaVersion)
        try container.encode(try object.json(), forKey: .object)
    }
}
