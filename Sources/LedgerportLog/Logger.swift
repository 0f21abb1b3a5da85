import Foundation

/// A structured logger shaped like swift-log's `Logger`.
///
/// A logger is a value: copy it and add metadata (`logger[metadataKey: "tenant.id"] = "acme"`)
/// to scope it to a tenant, delivery or request, then pass it down. Libraries
/// receive loggers, they do not create them. Messages are short verb phrases
/// for people; identifiers and numbers go in metadata. Metadata passes through
/// ``Redaction`` before any handler sees it.
public struct Logger: Sendable {
    public var label: String
    public var logLevel: LogLevel
    public var metadata: LogMetadata
    public let handler: any LogHandler

    public init(label: String, logLevel: LogLevel = .info, metadata: LogMetadata = [:], handler: any LogHandler) {
        self.label = label
        self.logLevel = logLevel
        self.metadata = metadata
        self.handler = handler
    }

    /// A logger that discards everything, for callers that do not log.
    public static let disabled = Logger(label: "disabled", logLevel: .critical, handler: DiscardingLogHandler())

    public subscript(metadataKey key: String) -> LogValue? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Returns a copy of this logger with extra metadata merged in.
    public func with(_ extra: LogMetadata) -> Logger {
        var copy = self
        copy.metadata.merge(extra) { _, new in new }
        return copy
    }

    /// Logs a message at `level` when the level is enabled.
    public func log(
        level: LogLevel, _ message: @autoclosure () -> String, metadata extra: @autoclosure () -> LogMetadata = [:],
        source: String = #fileID, line: UInt = #line
    ) {
        guard level >= logLevel else {
            return
        }
        var merged = metadata
        merged.merge(extra()) { _, new in new }
        let record = LogRecord(
            timestamp: Date(), level: level, label: label, message: message(),
            metadata: Redaction.redact(merged), source: source, line: line
        )
        handler.log(record)
    }

    public func trace(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:], source: String = #fileID, line: UInt = #line) {
        log(level: .trace, message(), metadata: metadata(), source: source, line: line)
    }

    public func debug(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:], source: String = #fileID, line: UInt = #line) {
        log(level: .debug, message(), metadata: metadata(), source: source, line: line)
    }

    public func info(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:], source: String = #fileID, line: UInt = #line) {
        log(level: .info, message(), metadata: metadata(), source: source, line: line)
    }

    public func notice(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:], source: String = #fileID, line: UInt = #line) {
        log(level: .notice, message(), metadata: metadata(), source: source, line: line)
    }

    public func warning(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:], source: String = #fileID, line: UInt = #line) {
        log(level: .warning, message(), metadata: metadata(), source: source, line: line)
    }

    public func error(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:], source: String = #fileID, line: UInt = #line) {
        log(level: .error, message(), metadata: metadata(), source: source, line: line)
    }

    public func critical(_ message: @autoclosure () -> String, metadata: @autoclosure () -> LogMetadata = [:], source: String = #fileID, line: UInt = #line) {
        log(level: .critical, message(), metadata: metadata(), source: source, line: line)
    }
}

/// A handler that drops every record.
public struct DiscardingLogHandler: LogHandler {
    public init() {}

    public func log(_ record: LogRecord) {}
}
