import LedgerportSDK

/// The connection to one Odoo database: version, protocol and uid, resolved once and shared.
///
/// The first call requests the server version (`common.version` over
/// JSON-RPC, or `GET /web/version` when `/jsonrpc` is gone), picks the
/// protocol (the configured one, otherwise JSON-2 from 19.0 when an API key
/// is set and JSON-RPC before), and for JSON-RPC authenticates once to learn
/// the uid. Concurrent first calls share that work; a failed setup is tried
/// again on the next call. Every later call is one HTTP request.
actor OdooSession {
    /// The resolved protocol and version.
    struct Link: Sendable {
        enum Route: Sendable {
            case jsonRPC(JSONRPCClient, uid: Int64)
            case json2(JSON2Client)
        }

        var profile: OdooVersionProfile
        var route: Route

        var protocolName: String {
            switch route {
            case .jsonRPC: "JSON-RPC"
            case .json2: "JSON-2"
            }
        }
    }

    private let settings: OdooSettings
    private let exchange: OdooHTTPExchange
    private let logger: Logger
    private var linking: Task<Link, any Error>?

    init(settings: OdooSettings, transport: any HTTPTransport, logger: Logger) {
        self.settings = settings
        self.exchange = OdooHTTPExchange(
            transport: transport, connectTimeoutSeconds: settings.connectTimeoutSeconds,
            requestTimeoutSeconds: settings.requestTimeoutSeconds
        )
        self.logger = logger
    }

    /// Runs `call`, classifying any failure for `operation` (such as `post account.move/stripe_invoice_in_1`).
    func execute(_ call: OdooCall, operation: String) async throws(ConnectorError) -> JSONValue {
        let link = try await link()
        do {
            switch link.route {
            case .jsonRPC(let client, let uid):
                return try await client.execute(call, uid: uid, secret: settings.credential.secret)
            case .json2(let client):
                return try await client.execute(call)
            }
        } catch {
            let classified = OdooErrorTable.classify(error, operation: operation)
            logger.debug("Odoo call failed", metadata: [
                LogMetadataKey.targetModel: .string(call.model), LogMetadataKey.httpPath: .string(call.method),
                LogMetadataKey.failureClass: .string(classified.failureClass.rawValue), LogMetadataKey.error: .string(classified.code),
            ])
            throw classified
        }
    }

    /// The resolved version and protocol, connecting first when needed.
    func link() async throws(ConnectorError) -> Link {
        if linking == nil {
            linking = Task { try await self.establish() }
        }
        do {
            return try await linking!.value
        } catch {
            linking = nil
            throw error as? ConnectorError ?? .system("odoo_setup_failed", "connect to Odoo: \(error)")
        }
    }

    private func establish() async throws(ConnectorError) -> Link {
        let rpc = JSONRPCClient(exchange: exchange, baseURL: settings.baseURL, database: settings.database)
        let profile = try await serverVersion(rpc)
        let link: Link
        if useJSON2(profile), case .apiKey(let key) = settings.credential {
            link = Link(profile: profile, route: .json2(JSON2Client(exchange: exchange, baseURL: settings.baseURL, database: settings.database, apiKey: key)))
        } else {
            link = Link(profile: profile, route: .jsonRPC(rpc, uid: try await authenticate(rpc)))
        }
        logger.info("connected to Odoo \(profile.series) over \(link.protocolName)", metadata: [LogMetadataKey.httpPath: .string(settings.baseURL)])
        return link
    }

    private func useJSON2(_ profile: OdooVersionProfile) -> Bool {
        switch settings.protocolChoice {
        case .json2: true
        case .jsonRPC: false
        case .automatic: profile.offersJSON2 && settings.credential.isAPIKey
        }
    }

    private func serverVersion(_ rpc: JSONRPCClient) async throws(ConnectorError) -> OdooVersionProfile {
        let operation = "read Odoo server version at \(settings.baseURL)"
        do {
            let result = try await rpc.callService("common", "version", args: [])
            if let profile = OdooVersionProfile(versionResult: result) { return profile }
        } catch where error.httpStatus == 404 {
            // NOTE: /jsonrpc is due to be removed after 19.0; /web/version still returns the version then, as it does on 19.0.
            do {
                let response = try await exchange.get(url: settings.baseURL + "/web/version")
                if let body = OdooHTTPExchange.jsonBody(response), let profile = OdooVersionProfile(versionResult: body) { return profile }
            } catch {
                throw OdooErrorTable.classify(error, operation: operation)
            }
        } catch {
            throw OdooErrorTable.classify(error, operation: operation)
        }
        throw ConnectorError.system("odoo_unexpected_response", "\(operation): the response has no server_version_info")
    }

    private func authenticate(_ rpc: JSONRPCClient) async throws(ConnectorError) -> Int64 {
        let login = settings.login ?? ""
        let operation = "authenticate Odoo user \"\(login)\" on database \"\(settings.database)\""
        let result: JSONValue
        do {
            result = try await rpc.callService("common", "authenticate", args: [
                .string(settings.database), .string(login), .string(settings.credential.secret.revealText()), [:],
            ])
        } catch {
            throw OdooErrorTable.classify(error, operation: operation)
        }
        // A wrong login or secret is not an error envelope: authenticate returns false.
        guard let uid = result.int64Value else {
            throw .configuration("odoo_access_denied", "\(operation): Odoo rejected the login and credential", hint: "check the login and the API key or password of the Odoo connection")
        }
        return uid
    }
}
