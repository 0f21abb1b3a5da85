import Foundation
import LedgerportLog
import LedgerportSDK

/// An imitation of an Odoo server that serves JSON-RPC, the web session routes and JSON-2.
///
/// The sandbox turns an HTTP request (method, path, headers, body) into the
/// response a real Odoo of the configured version sends, including its error
/// envelopes, from databases it keeps in a ``SandboxStore``. It does not
/// listen on a socket; ``OdooSandboxServer`` binds it to one. Calls run one
/// at a time, each in its own transaction, so `handle` may be called from any
/// thread. XML-RPC is not implemented: `/xmlrpc/...` gets 404.
package final class OdooSandbox: @unchecked Sendable {
    /// The settings the sandbox was started with.
    package let configuration: SandboxConfiguration
    /// The models of the configured Odoo version.
    package let registry: ModelRegistry
    /// The admin API key made on this start, to print once; nil when the configuration supplied one.
    package private(set) var startupAPIKey: Secret?

    let dispatcher = MethodDispatcher()
    var logger: Logger { configuration.logger }
    var profile: OdooVersionProfile { registry.profile }

    private let lock = NSLock()
    private let store: any SandboxStore
    private(set) var databases: [String: SandboxDatabase] = [:]
    var sessions: [String: WebSession] = [:]
    var injectedFaults: [InjectedFault] = []

    /// Opens the databases of `store`, creating the configured one when the store has none, and installs the admin key.
    package init(configuration: SandboxConfiguration, store: any SandboxStore) throws {
        self.configuration = configuration
        self.registry = ModelRegistry.standard(configuration.version)
        self.store = store
        for stored in try store.loadDatabases() {
            guard stored.version == configuration.version else {
                throw SandboxStartupError.versionMismatch(database: stored.name, stored: stored.version, requested: configuration.version)
            }
            var state = stored.state
            state.rebuildIndexes(indexedFields: registry.indexedFields)
            databases[stored.name] = SandboxDatabase(name: stored.name, registry: registry, state: state, store: store, clock: configuration.clock)
        }
        if databases[configuration.databaseName] == nil {
            try createDatabase(named: configuration.databaseName)
        }
        startupAPIKey = try installAdminAPIKey()
        logger.info("open Odoo sandbox", metadata: [LogMetadataKey.odooVersion: .string(configuration.version.rawValue), LogMetadataKey.databaseName: .string(configuration.databaseName)])
    }

    /// Creates a database from the configured initial data; a second database makes JSON-2 require `X-Odoo-Database`.
    package func createDatabase(named name: String) throws {
        let state = try Seeder.makeDatabase(
            registry: registry, initialData: configuration.initialData, clock: configuration.clock, name: name,
            adminPassword: configuration.adminPassword.revealText()
        )
        try store.create(StoredDatabase(name: name, version: configuration.version, state: state))
        lock.withLock {
            databases[name] = SandboxDatabase(name: name, registry: registry, state: state, store: store, clock: configuration.clock)
        }
    }

    /// Deletes a database; its web sessions end.
    package func dropDatabase(named name: String) throws {
        try lock.withLock {
            try store.drop(database: name)
            databases[name] = nil
            sessions = sessions.filter { $0.value.database != name }
        }
    }

    /// Returns the database named `name`, for tests that inspect records directly.
    package func database(named name: String) -> SandboxDatabase? {
        lock.withLock { databases[name] }
    }

    /// Makes the next `count` model calls that match `model` and `method` (nil matches any) fail with `fault`.
    ///
    /// Real Odoo fails transiently under load: a full connection pool, or a
    /// serialization failure after its retries. The sandbox never does on its
    /// own, so tests of a client's retry handling inject these failures. The
    /// failing call changes nothing.
    package func injectFault(_ fault: OdooFault, count: Int = 1, model: String? = nil, method: String? = nil) {
        lock.withLock {
            injectedFaults.append(InjectedFault(fault: fault, remaining: count, model: model, method: method))
        }
    }

    /// Handles one HTTP request and returns the response; calls run one at a time.
    package func handle(_ request: SandboxRequest) -> SandboxResponse {
        lock.withLock {
            let response = route(request)
            logger.debug("handle Odoo request", metadata: [
                LogMetadataKey.httpMethod: .string(request.method), LogMetadataKey.httpPath: .string(request.route),
                LogMetadataKey.httpStatus: .string(String(response.status)),
            ])
            return response
        }
    }

    private func route(_ request: SandboxRequest) -> SandboxResponse {
        let path = request.route
        switch path {
        case "/jsonrpc":
            return handleJSONRPC(request)
        case "/web/version":
            return versionResponse()
        case "/json/version" where profile.hasJSON2:
            return versionResponse()
        case "/web/session/authenticate":
            return handleSessionAuthenticate(request)
        default:
            break
        }
        if path.hasPrefix("/web/dataset/call_kw") {
            return handleCallKW(request)
        }
        if profile.hasJSON2 && (path == "/json/2" || path.hasPrefix("/json/2/")) {
            return handleJSON2(request)
        }
        return .html(HTMLPages.notFound, status: 404)
    }

    private func versionResponse() -> SandboxResponse {
        .json(["version_info": profile.serverVersionInfo, "version": .string(profile.serverVersion)])
    }

    /// Installs the configured admin key, or makes a new one, in the default database.
    private func installAdminAPIKey() throws -> Secret? {
        guard configuration.installsAdminAPIKey, let database = databases[configuration.databaseName] else {
            return nil
        }
        let stamp = OdooDateFormat.datetime(configuration.clock.now())
        let supplied = configuration.adminAPIKey?.revealText()
        let key = try database.run(uid: 1) { transaction -> String in
            if let supplied, Credentials.userOfAPIKey(supplied, in: transaction) == 2 {
                return supplied
            }
            return try Credentials.createAPIKey(for: 2, name: "sandbox start \(stamp)", validForDays: nil, key: supplied, in: transaction)
        }
        return supplied == nil ? Secret(key) : nil
    }

    /// Runs `body` in a transaction of database `name`, or raises the error Odoo raises for an unknown database.
    func withDatabase<Result>(
        _ name: String, uid: Int, context: JSONObject = [:], transport: Transport, _ body: (Transaction) throws -> Result
    ) throws -> Result {
        guard let database = databases[name] else {
            throw OdooFault(
                .operationalError,
                "connection to server on socket \"/var/run/postgresql/.s.PGSQL.54329\" failed: FATAL:  database \"\(name)\" does not exist\n"
            )
        }
        return try database.run(uid: uid, context: context, transport: transport, body)
    }

    /// Turns any error into the fault clients see; errors that are not Odoo's are logged.
    func fault(from error: any Error) -> OdooFault {
        if let fault = error as? OdooFault {
            // Odoo's own errors go back to the client; they are not failures of the sandbox.
            logger.debug("reject Odoo call", metadata: [LogMetadataKey.error: .string(fault.name)])
            return fault
        }
        logger.error("fail Odoo call with an internal error", metadata: [LogMetadataKey.error: .string(String(describing: error))])
        return OdooFault(.valueError, String(describing: error))
    }
}

/// A failure waiting to be returned by a matching model call.
struct InjectedFault {
    let fault: OdooFault
    var remaining: Int
    let model: String?
    let method: String?

    func matches(model: String, method: String) -> Bool {
        (self.model == nil || self.model == model) && (self.method == nil || self.method == method)
    }
}

extension OdooSandbox {
    /// Raises the first injected fault matching the call, counting it down.
    func raiseInjectedFault(model: String, method: String) throws {
        guard let index = injectedFaults.firstIndex(where: { $0.matches(model: model, method: method) }) else {
            return
        }
        let fault = injectedFaults[index].fault
        injectedFaults[index].remaining -= 1
        if injectedFaults[index].remaining <= 0 {
            injectedFaults.remove(at: index)
        }
        throw fault
    }
}

/// A web client session made by `/web/session/authenticate`.
struct WebSession {
    let database: String
    let uid: Int
}

/// The reasons a sandbox cannot open its databases.
package enum SandboxStartupError: Error, CustomStringConvertible {
    case versionMismatch(database: String, stored: OdooVersion, requested: OdooVersion)

    /// The error message with a hint.
    package var description: String {
        switch self {
        case .versionMismatch(let database, let stored, let requested):
            "open sandbox database \"\(database)\": it was created for Odoo \(stored.rawValue), not \(requested.rawValue); "
                + "start with --odoo-version \(stored.rawValue) or use another data folder"
        }
    }
}
