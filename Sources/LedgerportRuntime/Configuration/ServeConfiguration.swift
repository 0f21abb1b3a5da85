import Foundation
import LedgerportSDK

/// The configuration of `ledgerport serve`, read from a JSON file and overridden by environment variables.
///
/// Every key is optional; the defaults suit one node on loopback. The file's
/// keys and the variables that override them:
///
/// | key | variable | default |
/// |---|---|---|
/// | `listen.address` | `LEDGERPORT_LISTEN_ADDRESS` | `127.0.0.1` |
/// | `listen.port` | `LEDGERPORT_PORT` | `8600` |
/// | `data_dir` | `LEDGERPORT_DATA_DIR` | `./ledgerport-data` |
/// | `master_key_file` | `LEDGERPORT_MASTER_KEY_FILE` | none: `LEDGERPORT_MASTER_KEY` or an error |
/// | `specs_dir` | `LEDGERPORT_SPECS_DIR` | found next to the executable |
/// | `sqlite.synchronous` | `LEDGERPORT_SQLITE_SYNCHRONOUS` | `full` |
/// | `http.max_request_bytes` | | 1048576 |
/// | `http.connection_timeout_seconds` | | 30 |
/// | `http.max_connections` | | 1024 |
/// | `http.threads` | | 2 |
/// | `ingest.payload_retention_days` | `LEDGERPORT_PAYLOAD_RETENTION_DAYS` | 30 (0 keeps no payload after delivery) |
/// | `delivery.workers` | | 16 |
/// | `delivery.max_in_flight_per_tenant` | | 4 |
/// | `delivery.batch_size` | | 100 (deliveries of one tenant whose operations may share a call to the target) |
/// | `log.level` | `LEDGERPORT_LOG_LEVEL` | `info` |
/// | `admin.connection_url_hosts` | `LEDGERPORT_ADMIN_CONNECTION_URL_HOSTS` (comma-separated) | none: the admin API changes no URL field |
/// | `metrics.require_token` | `LEDGERPORT_METRICS_REQUIRE_TOKEN` (`true` or `false`) | true: `/metrics` needs an operator token |
///
/// Unknown keys are rejected, so a misspelt key cannot silently fall back to a default.
package struct ServeConfiguration: Sendable, Hashable {
    package var listenAddress = "127.0.0.1"
    package var port = 8600
    package var dataDirectory = "./ledgerport-data"
    /// The origin of ``dataDirectory`` for the start-up log: the default, the file's `data_dir` or `LEDGERPORT_DATA_DIR`.
    package var dataDirectoryOrigin = Self.defaultOrigin
    package var masterKeyFile: String?
    package var specsDirectory: String?
    /// `full` or `normal`; `full` makes every acknowledged event survive power loss on a disk that honours flushes.
    package var sqliteSynchronous = "full"
    package var maximumRequestBytes = 1_048_576
    package var connectionTimeoutSeconds = 30
    package var maximumConnections = 1024
    package var httpThreads = 2
    package var payloadRetentionDays = 30
    package var deliveryWorkers = 16
    package var maximumInFlightPerTenant = 4
    /// The maximum number of deliveries of one tenant that one worker runs together.
    package var deliveryBatchSize = 100
    package var logLevel = "info"
    /// The hosts a tenant admin may point a connection's URL fields at through the admin API (see ``ConnectionURLHosts``).
    package var connectionURLHosts: [String] = []
    /// Whether `GET /metrics` needs an operator's bearer token, because its series name every tenant and connection.
    package var metricsRequireToken = true

    package init() {}

    private static let defaultOrigin = "the default"
    private static let fileOrigin = "data_dir in the configuration file"

    /// Reads the file at `path` (when given), then applies `environment` overrides and checks every value.
    package static func load(path: String?, environment: [String: String]) throws(ConfigurationError) -> ServeConfiguration {
        var configuration = ServeConfiguration()
        // Every mistake is collected and reported together, so one run of serve names all of them.
        var issues: [ConfigurationError] = []
        if let path {
            let bytes: [UInt8]
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationError(file: path, pointer: "", message: "not found", hint: "check the path given to --config", isUnreadable: true)
            }
            do {
                bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ConfigurationError(
                    file: path, pointer: "", message: "cannot be read", hint: "check that the file is readable by this user", isUnreadable: true)
            }
            let json: JSONValue
            do {
                json = try JSONParser.parse(bytes)
            } catch {
                throw ConfigurationError(file: path, pointer: "", message: error.description, hint: "fix the JSON syntax")
            }
            issues += configuration.apply(json, file: path)
        }
        issues += configuration.apply(environment: environment)
        issues += configuration.validate(file: path ?? "environment").map { issue in
            // A value that a variable set is the variable's mistake, not the file's.
            guard let variable = environmentVariables[issue.pointer], environment[variable] != nil else {
                return issue
            }
            return ConfigurationError(file: "environment", pointer: variable, message: issue.message, hint: issue.hint)
        }
        if let first = issues.first {
            throw first.adding(Array(issues.dropFirst()))
        }
        return configuration
    }

    /// Reads the file's values into this configuration and returns the mistakes found.
    private mutating func apply(_ json: JSONValue, file: String) -> [ConfigurationError] {
        let reader = ConfigurationReader(file: file)
        guard let root = reader.object(json, at: .root, allowedKeys: ["listen", "data_dir", "master_key_file", "specs_dir", "sqlite", "http", "ingest", "delivery", "log", "admin", "metrics"]) else {
            return reader.issues
        }
        if let listen = reader.optionalObject(root, "listen", at: .root, allowedKeys: ["address", "port"]) {
            listenAddress = reader.string(listen, "address", at: JSONPointer("/listen")!) ?? listenAddress
            port = reader.integer(listen, "port", at: JSONPointer("/listen")!) ?? port
        }
        if let folder = reader.string(root, "data_dir", at: .root) {
            dataDirectory = folder
            dataDirectoryOrigin = Self.fileOrigin
        }
        masterKeyFile = reader.string(root, "master_key_file", at: .root) ?? masterKeyFile
        specsDirectory = reader.string(root, "specs_dir", at: .root) ?? specsDirectory
        if let sqlite = reader.optionalObject(root, "sqlite", at: .root, allowedKeys: ["synchronous"]) {
            // SQLite reads the mode in any letter case, and so does this setting.
            sqliteSynchronous = reader.string(sqlite, "synchronous", at: JSONPointer("/sqlite")!)?.lowercased() ?? sqliteSynchronous
        }
        if let http = reader.optionalObject(root, "http", at: .root, allowedKeys: ["max_request_bytes", "connection_timeout_seconds", "max_connections", "threads"]) {
            let pointer = JSONPointer("/http")!
            maximumRequestBytes = reader.integer(http, "max_request_bytes", at: pointer) ?? maximumRequestBytes
            connectionTimeoutSeconds = reader.integer(http, "connection_timeout_seconds", at: pointer) ?? connectionTimeoutSeconds
            maximumConnections = reader.integer(http, "max_connections", at: pointer) ?? maximumConnections
            httpThreads = reader.integer(http, "threads", at: pointer) ?? httpThreads
        }
        if let ingest = reader.optionalObject(root, "ingest", at: .root, allowedKeys: ["payload_retention_days"]) {
            payloadRetentionDays = reader.integer(ingest, "payload_retention_days", at: JSONPointer("/ingest")!) ?? payloadRetentionDays
        }
        if let delivery = reader.optionalObject(root, "delivery", at: .root, allowedKeys: ["workers", "max_in_flight_per_tenant", "batch_size"]) {
            let pointer = JSONPointer("/delivery")!
            deliveryWorkers = reader.integer(delivery, "workers", at: pointer) ?? deliveryWorkers
            maximumInFlightPerTenant = reader.integer(delivery, "max_in_flight_per_tenant", at: pointer) ?? maximumInFlightPerTenant
            deliveryBatchSize = reader.integer(delivery, "batch_size", at: pointer) ?? deliveryBatchSize
        }
        if let log = reader.optionalObject(root, "log", at: .root, allowedKeys: ["level"]) {
            logLevel = reader.string(log, "level", at: JSONPointer("/log")!) ?? logLevel
        }
        if let admin = reader.optionalObject(root, "admin", at: .root, allowedKeys: ["connection_url_hosts"]) {
            connectionURLHosts = reader.stringList(admin, "connection_url_hosts", at: JSONPointer("/admin")!) ?? connectionURLHosts
        }
        if let metrics = reader.optionalObject(root, "metrics", at: .root, allowedKeys: ["require_token"]) {
            metricsRequireToken = reader.bool(metrics, "require_token", at: JSONPointer("/metrics")!) ?? metricsRequireToken
        }
        return reader.issues
    }

    /// The variable that overrides each checked value, by the value's JSON pointer in the file.
    private static let environmentVariables = [
        "/listen/port": "LEDGERPORT_PORT", "/sqlite/synchronous": "LEDGERPORT_SQLITE_SYNCHRONOUS", "/log/level": "LEDGERPORT_LOG_LEVEL",
        "/ingest/payload_retention_days": "LEDGERPORT_PAYLOAD_RETENTION_DAYS",
    ]

    /// Applies the environment variables that override the file and returns the mistakes found.
    private mutating func apply(environment: [String: String]) -> [ConfigurationError] {
        var issues: [ConfigurationError] = []
        func record(_ variable: String, _ message: String, _ hint: String) {
            issues.append(ConfigurationError(file: "environment", pointer: variable, message: message, hint: hint))
        }
        if let value = environment["LEDGERPORT_LISTEN_ADDRESS"] { listenAddress = value }
        if let value = environment["LEDGERPORT_PORT"] {
            if let number = Int(value) {
                port = number
            } else {
                record("LEDGERPORT_PORT", "\"\(value)\" is not a port number", "set a number from 0 to 65535")
            }
        }
        if let value = environment["LEDGERPORT_DATA_DIR"] {
            if dataDirectoryOrigin == Self.fileOrigin && value != dataDirectory {
                dataDirectoryOrigin = "LEDGERPORT_DATA_DIR, which overrides data_dir \"\(dataDirectory)\" in the configuration file"
            } else {
                dataDirectoryOrigin = "LEDGERPORT_DATA_DIR"
            }
            dataDirectory = value
        }
        if let value = environment["LEDGERPORT_MASTER_KEY_FILE"] { masterKeyFile = value }
        if let value = environment["LEDGERPORT_SPECS_DIR"] { specsDirectory = value }
        if let value = environment["LEDGERPORT_SQLITE_SYNCHRONOUS"] { sqliteSynchronous = value.lowercased() }
        if let value = environment["LEDGERPORT_LOG_LEVEL"] { logLevel = value }
        if let value = environment["LEDGERPORT_PAYLOAD_RETENTION_DAYS"] {
            if let days = Int(value) {
                payloadRetentionDays = days
            } else {
                record("LEDGERPORT_PAYLOAD_RETENTION_DAYS", "\"\(value)\" is not a whole number of days", "set a number such as 30")
            }
        }
        if let value = environment["LEDGERPORT_METRICS_REQUIRE_TOKEN"] {
            if let flag = Bool(value) {
                metricsRequireToken = flag
            } else {
                record("LEDGERPORT_METRICS_REQUIRE_TOKEN", "\"\(value)\" is not true or false", "set true or false")
            }
        }
        if let value = environment["LEDGERPORT_ADMIN_CONNECTION_URL_HOSTS"] {
            let hosts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let problem = hosts.lazy.compactMap(ConnectionURLHosts.problem(with:)).first {
                // Not applied, so the check of the file's list does not report the same entry again.
                record(
                    "LEDGERPORT_ADMIN_CONNECTION_URL_HOSTS", problem,
                    "list bare hosts separated by commas, such as \"odoo.example.com,10.0.0.5,*.example.com\"")
            } else {
                connectionURLHosts = hosts
            }
        }
        return issues
    }

    /// Checks every value's range and returns the mistakes found.
    private func validate(file: String) -> [ConfigurationError] {
        var issues: [ConfigurationError] = []
        func check(_ condition: Bool, _ pointer: String, _ message: String, _ hint: String) {
            if !condition {
                issues.append(ConfigurationError(file: file, pointer: pointer, message: message, hint: hint))
            }
        }
        check((0...65535).contains(port), "/listen/port", "port \(port) is out of range", "use 0 to 65535 (0 picks a free port)")
        check(["full", "normal"].contains(sqliteSynchronous), "/sqlite/synchronous", "synchronous \"\(sqliteSynchronous)\" is not supported", "use \"full\" or \"normal\"")
        check(maximumRequestBytes >= 1024, "/http/max_request_bytes", "max_request_bytes \(maximumRequestBytes) is too small", "use at least 1024")
        check(connectionTimeoutSeconds >= 1, "/http/connection_timeout_seconds", "connection_timeout_seconds must be positive", "use a number of seconds such as 30")
        check(maximumConnections >= 1, "/http/max_connections", "max_connections must be positive", "use a number such as 1024")
        check((1...64).contains(httpThreads), "/http/threads", "threads \(httpThreads) is out of range", "use 1 to 64")
        check(payloadRetentionDays >= 0, "/ingest/payload_retention_days", "payload_retention_days must not be negative", "use 0 or more days")
        check((1...1024).contains(deliveryWorkers), "/delivery/workers", "workers \(deliveryWorkers) is out of range", "use 1 to 1024")
        check(maximumInFlightPerTenant >= 1, "/delivery/max_in_flight_per_tenant", "max_in_flight_per_tenant must be positive", "use a number such as 4")
        check((1...1000).contains(deliveryBatchSize), "/delivery/batch_size", "batch_size \(deliveryBatchSize) is out of range", "use 1 (no batching) to 1000")
        check(LogLevelName.isValid(logLevel), "/log/level", "log level \"\(logLevel)\" is not known", "use trace, debug, info, notice, warning, error or critical")
        for (index, entry) in connectionURLHosts.enumerated() {
            if let problem = ConnectionURLHosts.problem(with: entry) {
                issues.append(ConfigurationError(
                    file: file, pointer: "/admin/connection_url_hosts/\(index)", message: problem,
                    hint: "list bare hosts such as \"odoo.example.com\", \"10.0.0.5\" or \"*.example.com\""))
            }
        }
        return issues
    }
}

enum LogLevelName {
    static func isValid(_ name: String) -> Bool {
        ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(name)
    }
}

/// A configuration value that is missing, mistyped or out of range, with where it is and how to fix it.
package struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    package let file: String
    /// The JSON pointer of the value, or the environment variable's name.
    package let pointer: String
    package let message: String
    package let hint: String
    /// Whether the file itself could not be read (missing or not permitted), rather than containing an invalid value.
    package let isUnreadable: Bool
    /// The other mistakes found in the same load, after this one.
    package private(set) var others: [ConfigurationError] = []

    package init(file: String, pointer: String, message: String, hint: String, isUnreadable: Bool = false) {
        self.file = file
        self.pointer = pointer
        self.message = message
        self.hint = hint
        self.isUnreadable = isUnreadable
    }

    /// Returns this error with `others` reported after it.
    func adding(_ others: [ConfigurationError]) -> ConfigurationError {
        var combined = self
        combined.others = others
        return combined
    }

    package var description: String {
        ([line] + others.map(\.line)).joined(separator: "\n")
    }

    private var line: String {
        if isUnreadable {
            return "read configuration file \"\(file)\": \(message); \(hint)"
        }
        let location = pointer.isEmpty ? file : "\(file) at \(pointer)"
        return "invalid configuration in \(location): \(message); \(hint)"
    }
}
