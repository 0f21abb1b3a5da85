import LedgerportSDK

/// The validated configuration of one Odoo connection.
///
/// Fields, as the `odoo` connector spec names them: `base_url` (http or https,
/// required), `database` (required), `username` (the login, required for
/// JSON-RPC), `transport` (`auto`, `json_rpc` or `json_2`; `auto` requests the
/// server version), `request_timeout_seconds` (default 120, Odoo's own
/// wall-time limit), `connect_timeout_seconds` (default 5), `batch_size`
/// (records per batched call, 1 to 500, default 100), `sales_journal_code`
/// and `payment_journal_code` (journals used when an operation names none).
/// Secrets: `api_key` (preferred) or `password`. Creating settings does no I/O.
struct OdooSettings: Sendable {
    /// The protocol that carries model calls.
    enum ProtocolChoice: String, Sendable {
        case automatic = "auto"
        case jsonRPC = "json_rpc"
        case json2 = "json_2"
    }

    var baseURL: String
    var database: String
    var login: String?
    var credential: OdooCredential
    var protocolChoice: ProtocolChoice
    var connectTimeoutSeconds: Double
    var requestTimeoutSeconds: Double
    var batchSize: Int
    var salesJournalCode: String?
    var paymentJournalCode: String?

    static let connectorName = "odoo"

    init(_ configuration: ConnectorConfiguration) throws(ConnectorError) {
        let url = try configuration.requireString("base_url", connector: Self.connectorName)
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw .configuration("invalid_configuration", "configure odoo connection: base_url \"\(url)\" must start with http:// or https://", hint: "set \"base_url\" to the server's base URL, such as https://erp.example.com")
        }
        baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        database = try configuration.requireString("database", connector: Self.connectorName)
        login = configuration.string("username").flatMap { $0.isEmpty ? nil : $0 }
        credential = try OdooCredential(configuration)

        let protocolText = configuration.string("transport") ?? ProtocolChoice.automatic.rawValue
        guard let choice = ProtocolChoice(rawValue: protocolText) else {
            throw .configuration("invalid_configuration", "configure odoo connection: transport \"\(protocolText)\" is not supported", hint: "set \"transport\" to auto, json_rpc or json_2")
        }
        protocolChoice = choice
        if choice == .json2, !credential.isAPIKey {
            throw .configuration("invalid_configuration", "configure odoo connection: transport json_2 needs an API key, but only a password is set", hint: "store an API key with `ledgerport connection secret set --field api_key`")
        }
        if choice != .json2, login == nil {
            throw .configuration("missing_configuration", "configure odoo connection: field \"username\" is missing", hint: "set \"username\" to the integration user's login, which JSON-RPC authenticates with")
        }

        connectTimeoutSeconds = Double(configuration.integer("connect_timeout_seconds") ?? 5)
        requestTimeoutSeconds = Double(configuration.integer("request_timeout_seconds") ?? 120)
        batchSize = configuration.integer("batch_size") ?? 100
        guard connectTimeoutSeconds > 0, requestTimeoutSeconds > 0, (1...500).contains(batchSize) else {
            throw .configuration("invalid_configuration", "configure odoo connection: timeouts must be positive and batch_size between 1 and 500", hint: "fix connect_timeout_seconds, request_timeout_seconds or batch_size")
        }
        salesJournalCode = configuration.string("sales_journal_code")
        paymentJournalCode = configuration.string("payment_journal_code")
    }
}

/// The connector's credential: an API key (preferred) or the user's password.
///
/// Over JSON-RPC either one goes where Odoo expects the password; JSON-2
/// accepts only an API key, as a bearer token. The value is a `Secret`, so it
/// prints as `[REDACTED]` everywhere.
enum OdooCredential: Sendable {
    case apiKey(Secret)
    case password(Secret)

    init(_ configuration: ConnectorConfiguration) throws(ConnectorError) {
        if let key = configuration.secret("api_key"), !key.isEmpty {
            self = .apiKey(key)
        } else if let password = configuration.secret("password"), !password.isEmpty {
            self = .password(password)
        } else {
            throw .configuration("missing_secret", "configure odoo connection: neither secret \"api_key\" nor \"password\" is set", hint: "store an API key with `ledgerport connection secret set --field api_key`")
        }
    }

    var isAPIKey: Bool {
        if case .apiKey = self { return true }
        return false
    }

    var secret: Secret {
        switch self {
        case .apiKey(let value), .password(let value): value
        }
    }
}
