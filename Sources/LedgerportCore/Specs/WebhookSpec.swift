import LedgerportSDK

/// The webhook delivery of a source system: its requests, signature and payload schema.
package struct WebhookSpec: Sendable, Hashable, Decodable {
    package var description: String
    package var signature: WebhookSignatureSpec
    /// Whether one request carries an array of events rather than one event.
    package var batched: Bool
    /// The JSON Pointer of the event id inside one event, such as `/id`.
    package var eventIDPointer: String
    /// The JSON Pointer of the native event type inside one event, such as `/type`.
    package var eventTypePointer: String
    package var delivery: String?
    /// The JSON Schema of a request body.
    package var payloadSchema: JSONValue

    enum CodingKeys: String, CodingKey {
        case description, signature, batched
        case eventIDPointer = "event_id_pointer"
        case eventTypePointer = "event_type_pointer"
        case delivery
        case payloadSchema = "payload_schema"
    }
}

/// The signature scheme of a source's webhooks.
package struct WebhookSignatureSpec: Sendable, Hashable, Decodable {
    /// The scheme by name, such as `stripe_v1` or `hubspot_v3`.
    package var scheme: String
    /// The MAC algorithm; only `hmac_sha256` exists.
    package var algorithm: String
    /// The encoding of the signature bytes: `hex` or `base64`.
    package var encoding: String
    /// The header carrying the signature, such as `Stripe-Signature`.
    package var signatureHeader: String
    /// The header carrying the signed timestamp, when separate from the signature.
    package var timestampHeader: String?
    /// The unit of the signed timestamp: `seconds` or `milliseconds`.
    package var timestampUnit: String?
    /// The exact bytes the MAC covers, in words.
    package var signedContent: String
    /// The maximum age in seconds of a signed timestamp before a request is rejected as a replay.
    package var toleranceSeconds: Int
    /// Whether one header may carry several signatures while a secret is rolled.
    package var multipleSignatures: Bool
    /// The configuration fields holding the signing secret.
    package var secretFields: [String]

    enum CodingKeys: String, CodingKey {
        case scheme, algorithm, encoding
        case signatureHeader = "signature_header"
        case timestampHeader = "timestamp_header"
        case timestampUnit = "timestamp_unit"
        case signedContent = "signed_content"
        case toleranceSeconds = "tolerance_seconds"
        case multipleSignatures = "multiple_signatures"
        case secretFields = "secret_fields"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scheme = try container.decode(String.self, forKey: .scheme)
        algorithm = try container.decode(String.self, forKey: .algorithm)
        encoding = try container.decode(String.self, forKey: .encoding)
        signatureHeader = try container.decode(String.self, forKey: .signatureHeader)
        timestampHeader = try container.decodeIfPresent(String.self, forKey: .timestampHeader)
        timestampUnit = try container.decodeIfPresent(String.self, forKey: .timestampUnit)
        signedContent = try container.decode(String.self, forKey: .signedContent)
        toleranceSeconds = try container.decode(Int.self, forKey: .toleranceSeconds)
        multipleSignatures = try container.decodeIfPresent(Bool.self, forKey: .multipleSignatures) ?? false
        secretFields = try container.decode([String].self, forKey: .secretFields)
    }
}
