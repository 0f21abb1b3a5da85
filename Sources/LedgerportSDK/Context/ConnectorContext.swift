import LedgerportLog

/// What the runtime hands a connector: identity, transport, time and logging.
///
/// A connector uses only these for I/O, so tests can replace each one and the
/// runtime can scope, rate-limit and observe everything a connector does.
public struct ConnectorContext: Sendable {
    /// The tenant that owns the connection.
    public let tenantID: String
    /// The connection this connector instance serves.
    public let connectionID: String
    /// The tenant environment, such as `test` or `production`.
    public let environment: String
    public let http: any HTTPTransport
    public let clock: any WallClock
    /// A logger already carrying `tenant.id`, `connection.id` and `connector.id` metadata.
    public let logger: Logger

    public init(
        tenantID: String, connectionID: String, environment: String,
        http: any HTTPTransport, clock: any WallClock, logger: Logger
    ) {
        self.tenantID = tenantID
        self.connectionID = connectionID
        self.environment = environment
        self.http = http
        self.clock = clock
        self.logger = logger
    }
}
