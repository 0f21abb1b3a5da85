/// The metadata keys that Ledgerport writes, spelled in one place.
///
/// Keys are dotted and lowercase (`tenant.id`, `http.status`) so that log
/// processors can group them. Add a key here before using it elsewhere.
public enum LogMetadataKey {
    /// The tenant's id (a UUID); lines that know only the tenant's slug write ``tenantSlug`` instead.
    public static let tenantID = "tenant.id"
    /// The tenant's slug, as in webhook URLs and on the command line.
    public static let tenantSlug = "tenant.slug"
    public static let environment = "environment.name"
    public static let connectionID = "connection.id"
    public static let connectorID = "connector.id"
    public static let connectorVersion = "connector.version"
    public static let eventID = "event.id"
    public static let eventType = "event.type"
    public static let deliveryID = "delivery.id"
    public static let flowID = "flow.id"
    public static let mappingID = "mapping.id"
    public static let mappingVersion = "mapping.version"
    public static let correlationID = "correlation.id"
    public static let requestID = "request.id"
    public static let httpMethod = "http.method"
    public static let httpPath = "http.path"
    public static let httpStatus = "http.status"
    public static let httpRequestHeaders = "http.request.headers"
    public static let httpRequestBodyBytes = "http.request.body_bytes"
    public static let httpRemoteAddress = "http.remote_address"
    public static let httpTermination = "http.termination"
    public static let httpResponseHeader = "http.response.header"
    public static let httpAbandonedRequests = "http.abandoned_requests"
    public static let durationMilliseconds = "duration.ms"
    public static let attempt = "delivery.attempt"
    public static let targetModel = "target.model"
    public static let targetRecordID = "target.record.id"
    public static let failureClass = "failure.class"
    public static let error = "error"
    public static let databasePath = "db.path"
    public static let listenAddress = "server.address"
}
