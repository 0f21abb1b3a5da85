import Foundation

/// Keeps records in memory so that tests and the CLI can inspect what was logged.
public final class CapturingLogHandler: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [LogRecord] = []

    public init() {}

    public func log(_ record: LogRecord) {
        lock.lock()
        defer { lock.unlock() }
        stored.append(record)
    }

    /// The records captured so far, oldest first.
    public var records: [LogRecord] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Every captured record rendered as JSON lines, as ``JSONLinesLogHandler`` would write them.
    public var renderedLines: String {
        records.map(JSONLinesLogHandler.format).joined(separator: "\n")
    }
}
