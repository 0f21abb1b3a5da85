/// The severity of a log record, ordered from the most verbose to the most severe.
///
/// The policy for choosing a level:
/// - `trace`, `debug`: normal operation (one line per request, delivery or query).
/// - `info`: lifecycle events (a service starts or stops, a migration runs, a mapping is activated).
/// - `notice`: a notable but expected outcome (a delivery parked for a business reason).
/// - `warning`: something an operator should look at (a retry, a rejected webhook burst).
/// - `error`: an operation failed and was not retried.
/// - `critical`: the process cannot continue correctly.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case trace = 0
    case debug
    case info
    case notice
    case warning
    case error
    case critical

    /// Parses a level name such as `"info"`, case-insensitively.
    public init?(name: String) {
        guard let level = LogLevel.allCases.first(where: { $0.description == name.lowercased() }) else {
            return nil
        }
        self = level
    }

    public var description: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
