import Foundation

/// One log event as a handler receives it.
public struct LogRecord: Sendable {
    public var timestamp: Date
    public var level: LogLevel
    public var label: String
    public var message: String
    public var metadata: LogMetadata
    public var source: String
    public var line: UInt

    public init(
        timestamp: Date, level: LogLevel, label: String, message: String,
        metadata: LogMetadata, source: String, line: UInt
    ) {
        self.timestamp = timestamp
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
        self.source = source
        self.line = line
    }
}

/// A destination for log records.
///
/// Handlers are shared across threads and must be safe to call concurrently.
/// A handler receives records after ``Redaction`` has been applied.
public protocol LogHandler: Sendable {
    func log(_ record: LogRecord)
}
