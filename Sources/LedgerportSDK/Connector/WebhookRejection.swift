/// Why a webhook request was rejected. The runtime answers with ``httpStatus`` and counts ``reason``.
public struct WebhookRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rejection reasons that sources share; connectors may define more.
    public struct Reason: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public init(stringLiteral value: String) {
            self.rawValue = value
        }

        public static let missingSignature: Reason = "missing_signature"
        public static let malformedSignature: Reason = "malformed_signature"
        public static let timestampOutsideTolerance: Reason = "timestamp_outside_tolerance"
        public static let signatureMismatch: Reason = "signature_mismatch"
        public static let malformedPayload: Reason = "malformed_payload"
        public static let unsupportedAPIVersion: Reason = "unsupported_api_version"
        public static let noActiveSecret: Reason = "no_active_secret"
    }

    public var reason: Reason
    /// A message for the operator, naming the header or field and the fix. Never contains a secret.
    public var message: String
    /// 401 for signature problems, 400 for malformed payloads.
    public var httpStatus: Int
    /// Facts for the runtime's log only, never sent to the sender: the request may come from anyone, so the
    /// response must not reveal the connection's setup, such as how many signing secrets it has. Never a secret.
    public var logDetail: String?

    /// Creates a rejection; ``message`` goes into the response, ``logDetail`` only into the log.
    public init(_ reason: Reason, _ message: String, httpStatus: Int = 401, logDetail: String? = nil) {
        self.reason = reason
        self.message = message
        self.httpStatus = httpStatus
        self.logDetail = logDetail
    }

    public var description: String {
        "webhook rejected (\(reason.rawValue)): \(message)"
    }
}
