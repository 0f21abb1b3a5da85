import Foundation

/// Writes each record as one JSON object per line to a file descriptor.
///
/// The line holds `ts` (RFC 3339 with milliseconds, UTC), `level`, `logger`,
/// `msg`, `source` and then every metadata key at the top level. Writes are
/// serialized by a lock so lines from different threads never interleave.
/// The handler does not buffer: each record is one `write(2)`.
public final class JSONLinesLogHandler: LogHandler, @unchecked Sendable {
    private let fileDescriptor: Int32
    private let lock = NSLock()

    /// Creates a handler writing to `fileDescriptor` (standard error by default).
    public init(fileDescriptor: Int32 = 2) {
        self.fileDescriptor = fileDescriptor
    }

    public func log(_ record: LogRecord) {
        let line = Self.format(record) + "\n"
        let bytes = Array(line.utf8)

        lock.lock()
        defer { lock.unlock() }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                // A failed write to the log cannot be reported anywhere else, so it is dropped.
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Formats a record as one JSON line without the trailing newline.
    public static func format(_ record: LogRecord) -> String {
        var fields: [(String, String)] = [
            ("ts", quoted(timestamp(record.timestamp))),
            ("level", quoted(record.level.description)),
            ("logger", quoted(record.label)),
            ("msg", quoted(record.message)),
        ]
        for key in record.metadata.keys.sorted() {
            fields.append((key, encode(record.metadata[key]!)))
        }
        fields.append(("source", quoted("\(record.source):\(record.line)")))
        return "{" + fields.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    private static func encode(_ value: LogValue) -> String {
        switch value {
        case .string(let text):
            quoted(text)
        case .integer(let number):
            String(number)
        case .boolean(let flag):
            flag ? "true" : "false"
        case .array(let values):
            "[" + values.map(encode).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{" + entries.keys.sorted().map { "\(quoted($0)):\(encode(entries[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += String(format: "\\u%04x", scalar.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, Int(milliseconds % 1000)
        )
    }
}
