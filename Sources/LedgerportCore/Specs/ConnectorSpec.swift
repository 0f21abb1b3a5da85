import LedgerportSDK

/// A connector spec: one connector version described as data, decoded from
/// `connector-specs/<id>/<version>.json`.
///
/// The JSON form is defined by `connector-specs/connector-spec.schema.json`
/// and documented in docs/connector-specs.md. A `ConnectorSpec` is only
/// decoded from a document that passed that schema, so required members are
/// present. Cross-references, such as an event type's object or a
/// reference's model, are checked by ``SpecLinter``, not by decoding.
package struct ConnectorSpec: Sendable, Hashable, Decodable {
    /// The spec format version; only 1 exists.
    package var specFormat: Int
    /// The connector id, such as `stripe`; the folder name of the spec file.
    package var id: String
    /// The connector version; the spec file's name without `.json`.
    package var version: SemanticVersion
    /// The display name of the connected system.
    package var name: String
    package var publisher: String
    package var kind: ConnectorKind
    /// One sentence for listings.
    package var summary: String
    package var description: String?
    package var stability: SpecStability
    package var documentationURL: String?
    package var apiVersions: [APIVersionSpec]
    /// The configuration fields by name.
    package var configuration: [String: ConfigurationFieldSpec]
    package var authentication: AuthenticationSpec
    /// The webhook delivery and signature; nil for connectors without webhooks.
    package var webhooks: WebhookSpec?
    package var objects: [ObjectSpec]
    /// Sources only: native event types and the canonical types they become. Empty for targets.
    package var eventTypes: [EventTypeSpec]
    /// Targets only: the operations per model. Empty for sources.
    package var operations: [ModelOperationsSpec]
    package var rateLimits: RateLimitsSpec
    package var capabilities: CapabilitiesSpec
    /// Known limitations in plain sentences.
    package var limitations: [String]

    enum CodingKeys: String, CodingKey {
        case specFormat = "spec_format"
        case id, version, name, publisher, kind, summary, description, stability
        case documentationURL = "documentation_url"
        case apiVersions = "api_versions"
        case configuration, authentication, webhooks, objects
        case eventTypes = "event_types"
        case operations
        case rateLimits = "rate_limits"
        case capabilities, limitations
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        specFormat = try container.decode(Int.self, forKey: .specFormat)
        id = try container.decode(String.self, forKey: .id)
        version = try container.decode(SemanticVersion.self, forKey: .version)
        name = try container.decode(String.self, forKey: .name)
        publisher = try container.decode(String.self, forKey: .publisher)
        kind = try container.decode(ConnectorKind.self, forKey: .kind)
        summary = try container.decode(String.self, forKey: .summary)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        stability = try container.decode(SpecStability.self, forKey: .stability)
        documentationURL = try container.decodeIfPresent(String.self, forKey: .documentationURL)
        apiVersions = try container.decode([APIVersionSpec].self, forKey: .apiVersions)
        configuration = try container.decode([String: ConfigurationFieldSpec].self, forKey: .configuration)
        authentication = try container.decode(AuthenticationSpec.self, forKey: .authentication)
        webhooks = try container.decodeIfPresent(WebhookSpec.self, forKey: .webhooks)
        objects = try container.decode([ObjectSpec].self, forKey: .objects)
        eventTypes = try container.decodeIfPresent([EventTypeSpec].self, forKey: .eventTypes) ?? []
        operations = try container.decodeIfPresent([ModelOperationsSpec].self, forKey: .operations) ?? []
        rateLimits = try container.decode(RateLimitsSpec.self, forKey: .rateLimits)
        capabilities = try container.decode(CapabilitiesSpec.self, forKey: .capabilities)
        limitations = try container.decodeIfPresent([String].self, forKey: .limitations) ?? []
    }

    /// The connector's `id@version`, such as `stripe@1.0.0`.
    package var reference: String {
        "\(id)@\(version)"
    }

    /// Returns the object named `name`, such as `invoice` or `account.move`, or nil.
    package func object(named name: String) -> ObjectSpec? {
        objects.first { $0.name == name }
    }

    /// Returns the operations of the target model `model`, or nil when the spec has none for it.
    package func operations(forModel model: String) -> ModelOperationsSpec? {
        operations.first { $0.model == model }
    }

    /// Returns the spec of `action` on `model`, or nil when the target does not support it.
    package func action(_ action: TargetAction, onModel model: String) -> ActionSpec? {
        operations(forModel: model)?.actions[action.rawValue]
    }

    /// Returns the native event types named `name` (one per object for generic event names).
    package func eventTypes(named name: String) -> [EventTypeSpec] {
        eventTypes.filter { $0.name == name }
    }
}

/// The maturity of a connector version.
package enum SpecStability: String, Sendable, Hashable, Codable, CaseIterable {
    /// It may change without notice.
    case experimental
    /// Complete, but little used in production yet.
    case beta
    /// Changes follow semantic versioning.
    case stable
    /// Superseded, and kept for existing connections.
    case deprecated
}

/// One version of the connected system's API that a connector works with.
package struct APIVersionSpec: Sendable, Hashable, Decodable {
    /// The transport used for an API version.
    package enum Transport: String, Sendable, Hashable, Codable {
        case rest
        case jsonRPC = "json_rpc"
        case xmlRPC = "xml_rpc"
        case json2 = "json_2"
    }

    /// The test coverage of an API version.
    package enum Status: String, Sendable, Hashable, Codable {
        /// Recorded traffic from this version is in the test fixtures.
        case tested
        /// Expected to work from the system's documentation, with no recording.
        case supported
        /// Still works, and will be removed in a later connector version.
        case deprecated
    }

    /// The version as the system names it, such as `2024-06-20` or `17.0`.
    package var version: String
    package var transport: Transport
    package var status: Status
    package var notes: String?
}
