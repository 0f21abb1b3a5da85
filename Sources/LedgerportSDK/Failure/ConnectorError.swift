/// The error a connector throws. Its ``failureClass`` decides what happens next.
///
/// A message follows the form `<operation> <object>: <cause>` and the
/// ``hint`` says what to do. Neither may contain a secret: connectors build
/// messages from identifiers and the peer's own error text, never from
/// configuration values of secret fields.
public struct ConnectorError: Error, Sendable, Hashable, CustomStringConvertible {
    public var failureClass: FailureClass
    /// A stable, snake_case code for metrics and dashboards, such as `odoo_access_error`.
    public var code: String
    /// What failed, on which value.
    public var message: String
    /// What a person should do about it, when that is known.
    public var hint: String?
    /// The peer's own error text (for example Odoo's `UserError` message), kept verbatim for the exception workbench.
    public var targetMessage: String?
    /// How long to wait before retrying, when the peer said (HTTP `Retry-After`).
    public var retryAfterSeconds: Int?
    /// The target record that does not exist yet, when that is the failure, so the runtime can retry once it is written.
    public var missingReference: TargetReference?

    public init(
        _ failureClass: FailureClass, code: String, message: String, hint: String? = nil,
        targetMessage: String? = nil, retryAfterSeconds: Int? = nil, missingReference: TargetReference? = nil
    ) {
        self.failureClass = failureClass
        self.code = code
        self.message = message
        self.hint = hint
        self.targetMessage = targetMessage
        self.retryAfterSeconds = retryAfterSeconds
        self.missingReference = missingReference
    }

    public var description: String {
        var text = "\(message) [\(failureClass.rawValue), \(code)]"
        // Servers end messages with line breaks (PostgreSQL's do), which would split the line before the hint.
        if let said = targetMessage.map(Self.trimmed), !said.isEmpty {
            text += "; target says: \(said)"
        }
        if let hint {
            text += "; \(hint)"
        }
        return text
    }

    /// Returns `text` without the spaces and line breaks at its ends.
    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace || $0.isNewline }.reversed().drop { $0.isWhitespace || $0.isNewline }.reversed())
    }

    public static func configuration(_ code: String, _ message: String, hint: String? = nil) -> ConnectorError {
        ConnectorError(.configuration, code: code, message: message, hint: hint)
    }

    public static func transient(_ code: String, _ message: String, retryAfterSeconds: Int? = nil) -> ConnectorError {
        ConnectorError(.transient, code: code, message: message, retryAfterSeconds: retryAfterSeconds)
    }

    public static func business(_ code: String, _ message: String, targetMessage: String? = nil, hint: String? = nil) -> ConnectorError {
        ConnectorError(.business, code: code, message: message, hint: hint, targetMessage: targetMessage)
    }

    public static func system(_ code: String, _ message: String, hint: String? = nil) -> ConnectorError {
        ConnectorError(.system, code: code, message: message, hint: hint)
    }
}
