/// The metadata keys that Ledgerport writes, spelled in one place.
///
/// Keys are dotted and lowercase (`tenant.id`, `http.status`) so that log
/// processors can group them. Add a key here before using it elsewhere.
public enum LogMetadataKey {
    public static let tenantID = "tenant.id"
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
    public static let durationMilliseconds = "duration.ms"
    public static let attempt = "delivery.attempt"
    public static let targetModel = "target.model"
    public static let targetRecordID = "target.record.id"
    public static let failureClass = "failure.class"
    public static let error = "error"
    public static let databasePath = "db.path"
    public static let listenAddress = "server.address"
}
