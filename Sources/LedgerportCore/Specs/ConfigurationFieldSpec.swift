import LedgerportSDK

/// One field of a connection's configuration, as a spec declares it.
///
/// A field marked ``secret`` is a credential: the runtime stores it encrypted,
/// reads it from a file or standard input, and never prints it. Its
/// ``example`` is a placeholder (see ``SecretPlaceholder``).
package struct ConfigurationFieldSpec: Sendable, Hashable, Decodable {
    /// The JSON type of a configuration value.
    package enum FieldType: String, Sendable, Hashable, Codable {
        case string
        case integer
        case number
        case boolean
    }

    package var description: String
    package var type: FieldType
    package var required: Bool
    package var secret: Bool
    /// A value showing the expected form; a placeholder for secrets.
    package var example: JSONValue
    /// The value used when the field is absent.
    package var defaultValue: JSONValue?
    /// The allowed values, when the field is a choice.
    package var allowedValues: [JSONValue]?
    /// A regular expression (ICU syntax, unanchored) that string values match.
    package var pattern: String?
    /// A string format: `date`, `date-time`, `email` or `uri`.
    package var format: String?
    package var minimum: JSONNumber?
    package var maximum: JSONNumber?

    enum CodingKeys: String, CodingKey {
        case description, type, required, secret, example
        case defaultValue = "default"
        case allowedValues = "enum"
        case pattern, format, minimum, maximum
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        description = try container.decode(String.self, forKey: .description)
        type = try container.decode(FieldType.self, forKey: .type)
        required = try container.decode(Bool.self, forKey: .required)
        secret = try container.decode(Bool.self, forKey: .secret)
        // `example` and `default` may be any JSON value, null included, so they are read raw.
        example = try container.decode(JSONValue.self, forKey: .example)
        defaultValue = try container.decodeIfPresent(JSONValue.self, forKey: .defaultValue)
        allowedValues = try container.decodeIfPresent([JSONValue].self, forKey: .allowedValues)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        format = try container.decodeIfPresent(String.self, forKey: .format)
        minimum = try container.decodeIfPresent(JSONValue.self, forKey: .minimum)?.numberValue
        maximum = try container.decodeIfPresent(JSONValue.self, forKey: .maximum)?.numberValue
    }

    /// The JSON Schema a value of this field must satisfy, built from its type and constraints.
    package var valueSchema: JSONValue {
        var schema: JSONObject = ["type": .string(type.rawValue)]
        if let allowedValues {
            schema["enum"] = .array(allowedValues)
        }
        if let pattern {
            schema["pattern"] = .string(pattern)
        }
        if let format {
            schema["format"] = .string(format)
        }
        if let minimum {
            schema["minimum"] = .number(minimum)
        }
        if let maximum {
            schema["maximum"] = .number(maximum)
        }
        return .object(schema)
    }
}

/// The authentication a connector uses toward the connected system.
package struct AuthenticationSpec: Sendable, Hashable, Decodable {
    /// The authentication scheme.
    package enum Scheme: String, Sendable, Hashable, Codable {
        /// An `Authorization: Bearer` header.
        case bearerToken = "bearer_token"
        /// HTTP Basic authentication.
        case basic
        /// Database, user and password or API key inside each RPC call.
        case rpcCredentials = "rpc_credentials"
        case none
    }

    package var scheme: Scheme
    package var description: String
    /// The configuration fields holding the credentials.
    package var secretFields: [String]

    enum CodingKeys: String, CodingKey {
        case scheme, description
        case secretFields = "secret_fields"
    }
}
