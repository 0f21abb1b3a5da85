import Foundation
import LedgerportLog

/// Logs rejected webhook requests at most once per connection and reason per interval, with a count of the rest.
///
/// A misconfigured sender can retry thousands of times a minute; every
/// rejection is counted in metrics, but the log gets one line per interval.
/// Bodies are never logged. Thread-safe.
final class RejectionLog: Sendable {
    private struct Key: Hashable {
        let connection: String
        let reason: String
    }

    private let logger: Logger
    private let throttle: LogThrottle<Key>

    init(logger: Logger, intervalSeconds: Double = 10) {
        self.logger = logger
        self.throttle = LogThrottle(intervalSeconds: intervalSeconds)
    }

    /// Logs the rejection unless one for the same connection and reason was logged within the interval.
    /// `detail` is the rejection's ``WebhookRejection/logDetail``, logged but never sent to the sender.
    func record(tenant: String, connection: String, reason: String, message: String, detail: String?, remoteAddress: String, at now: Date) {
        guard let repeated = throttle.admit(Key(connection: "\(tenant)/\(connection)", reason: reason), at: now) else {
            return
        }
        var metadata: LogMetadata = [
            LogMetadataKey.tenantSlug: .string(tenant), LogMetadataKey.connectionID: .string(connection),
            "rejection.reason": .string(reason), "rejection.message": .string(message),
            LogMetadataKey.httpRemoteAddress: .string(remoteAddress), "rejection.suppressed_since_last": .integer(Int64(repeated)),
        ]
        if let detail {
            metadata["rejection.detail"] = .string(detail)
        }
        logger.warning("rejected webhook request", metadata: metadata)
    }

    /// Logs a request to a webhook URL that matches no active source connection, at most once per interval for all such URLs.
    ///
    /// Every such URL shares one throttle key, so requests to many invented
    /// paths still give one line per interval; the line names the latest path.
    func recordUnknownEndpoint(path: String, remoteAddress: String, at now: Date) {
        guard let repeated = throttle.admit(Key(connection: "", reason: WebhookIngestor.unknownEndpointCode), at: now) else {
            return
        }
        logger.warning("webhook request to an unknown endpoint", metadata: [
            LogMetadataKey.httpPath: .string(path), "rejection.reason": .string(WebhookIngestor.unknownEndpointCode),
            "rejection.message": .string("no active source connection at this path; check the URL configured at the sender"),
            LogMetadataKey.httpRemoteAddress: .string(remoteAddress), "rejection.suppressed_since_last": .integer(Int64(repeated)),
        ])
    }
}
