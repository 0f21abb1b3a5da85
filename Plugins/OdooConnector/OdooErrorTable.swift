import LedgerportSDK

/// The one table that classifies every Odoo failure, built from the recorded error envelopes.
///
/// Rows are tried in order and the first match wins, so the specific rows
/// (a message pattern inside a broad exception name) come before the broad
/// ones. Both protocols go through the same rows: JSON-RPC reports the
/// exception name in `error.data.name` under HTTP 200, JSON-2 in the body's
/// `name` under a status per class (401, 403, 404, 422, 500), and HTML or
/// plain-text responses fall through to the status rows. Recorded behaviour of
/// Odoo 17.0 and 19.0:
///
/// - `AccessDenied` (bad password or API key) and `AccessError` (missing
///   group): configuration, the delivery is parked and an alert raised.
/// - `UserError`, `ValidationError`: business, parked with Odoo's message.
/// - `MissingError`: business with code `odoo_record_missing`. The record was
///   deleted in Odoo after Ledgerport wrote it; a person decides whether to
///   restore it or to drop the reference, so retrying would not help.
/// - Serialization failures, a full connection pool, HTTP 5xx, timeouts and
///   refused connections: transient. HTTP 429: transient with `Retry-After`.
struct OdooErrorTable {
    /// The condition of a row.
    enum Match: Sendable {
        /// The exception name ends with this suffix (`.UserError` matches `odoo.exceptions.UserError`).
        case exception(String)
        /// The exception name ends with the suffix and the message contains the text.
        case exceptionMessage(String, contains: String)
        /// Any failure whose message contains the text, whatever its origin.
        case messageContains(String)
        /// The HTTP status is in the range and no exception name was readable.
        case status(ClosedRange<Int>)
        /// A transport failure of this kind.
        case transport(OdooRemoteError.TransportFailure)
        /// A response with an unexpected shape.
        case malformed
    }

    /// One row: a match and the classification it gives.
    struct Row: Sendable {
        var match: Match
        var failureClass: FailureClass
        var code: String
        var hint: String?
    }

    static let rows: [Row] = [
        // Concurrent creation of the same external id: the loser hits the unique index of
        // ir.model.data and the retry finds the winner's record.
        Row(match: .messageContains("ir_model_data_module_name_uniq_index"), failureClass: .transient, code: "odoo_concurrent_create"),
        Row(match: .messageContains("could not serialize access"), failureClass: .transient, code: "odoo_serialization_failure"),
        Row(match: .exception(".AccessDenied"), failureClass: .configuration, code: "odoo_access_denied",
            hint: "check the login, the API key or password and the database of the Odoo connection"),
        Row(match: .exception("werkzeug.exceptions.Unauthorized"), failureClass: .configuration, code: "odoo_access_denied",
            hint: "check the API key of the Odoo connection; JSON-2 accepts only a bearer API key"),
        Row(match: .exception(".AccessError"), failureClass: .configuration, code: "odoo_access_error",
            hint: "give the integration user the Odoo groups named in the message"),
        Row(match: .exceptionMessage(".UserError", contains: "doesn't exist"), failureClass: .configuration, code: "odoo_model_missing",
            hint: "install the Odoo module that provides the model (account, sale, mail)"),
        Row(match: .exception(".UserError"), failureClass: .business, code: "odoo_user_error"),
        Row(match: .exception(".ValidationError"), failureClass: .business, code: "odoo_validation_error"),
        Row(match: .exception(".MissingError"), failureClass: .business, code: "odoo_record_missing",
            hint: "the record was deleted in Odoo; restore it or change the source, then replay"),
        Row(match: .exception(".SerializationFailure"), failureClass: .transient, code: "odoo_serialization_failure"),
        Row(match: .exception(".LockNotAvailable"), failureClass: .transient, code: "odoo_lock_not_available"),
        Row(match: .exception(".DeadlockDetected"), failureClass: .transient, code: "odoo_deadlock"),
        Row(match: .exception("psycopg2.pool.PoolError"), failureClass: .transient, code: "odoo_connection_pool_full"),
        Row(match: .exceptionMessage("psycopg2.OperationalError", contains: "does not exist"), failureClass: .configuration, code: "odoo_database_missing",
            hint: "check the database name of the Odoo connection"),
        Row(match: .exception("psycopg2.OperationalError"), failureClass: .transient, code: "odoo_database_unavailable"),
        Row(match: .exception("werkzeug.exceptions.NotFound"), failureClass: .configuration, code: "odoo_endpoint_not_found",
            hint: "install the Odoo module that provides the model or method"),
        Row(match: .exceptionMessage("builtins.ValueError", contains: "Invalid field"), failureClass: .configuration, code: "odoo_field_missing",
            hint: "this Odoo version or its installed modules lack the field; check the server version and modules"),
        Row(match: .exception("werkzeug.exceptions.UnprocessableEntity"), failureClass: .system, code: "odoo_invalid_arguments"),
        Row(match: .exception("werkzeug.exceptions.BadRequest"), failureClass: .system, code: "odoo_bad_request"),
        Row(match: .exception("builtins."), failureClass: .system, code: "odoo_server_error"),
        Row(match: .messageContains("No database is selected"), failureClass: .configuration, code: "odoo_database_missing",
            hint: "check the database name of the Odoo connection; it is sent as the X-Odoo-Database header"),
        Row(match: .status(429...429), failureClass: .transient, code: "odoo_rate_limited"),
        Row(match: .status(401...401), failureClass: .configuration, code: "odoo_access_denied",
            hint: "check the API key of the Odoo connection"),
        Row(match: .status(403...403), failureClass: .configuration, code: "odoo_access_error"),
        Row(match: .status(404...404), failureClass: .configuration, code: "odoo_endpoint_not_found",
            hint: "check the URL of the Odoo connection and the server version"),
        Row(match: .status(408...408), failureClass: .transient, code: "odoo_timeout"),
        Row(match: .status(500...599), failureClass: .transient, code: "odoo_server_unavailable"),
        Row(match: .status(400...499), failureClass: .system, code: "odoo_request_rejected"),
        Row(match: .transport(.refused), failureClass: .transient, code: "odoo_connection_refused"),
        Row(match: .transport(.timedOut), failureClass: .transient, code: "odoo_timeout"),
        Row(match: .transport(.failed), failureClass: .transient, code: "odoo_connection_failed"),
        Row(match: .transport(.hostNotFound), failureClass: .configuration, code: "odoo_host_not_found",
            hint: "check the URL of the Odoo connection"),
        Row(match: .transport(.invalidRequest), failureClass: .configuration, code: "odoo_invalid_url",
            hint: "check the URL of the Odoo connection"),
        Row(match: .malformed, failureClass: .system, code: "odoo_unexpected_response"),
    ]

    /// The classification for an error no row matches: an exception name Ledgerport has not seen.
    static let fallback = Row(match: .malformed, failureClass: .system, code: "odoo_unexpected_error")

    /// Returns the first row that matches `error`.
    static func row(for error: OdooRemoteError) -> Row {
        rows.first { matches($0.match, error) } ?? fallback
    }

    /// Classifies `error` raised while doing `operation` (such as `post account.move/stripe_invoice_in_1`).
    ///
    /// Business errors keep Odoo's message verbatim in `targetMessage` for the
    /// exception workbench; every class names the operation and the cause.
    static func classify(_ error: OdooRemoteError, operation: String) -> ConnectorError {
        let row = row(for: error)
        let cause = describeCause(error)
        var result = ConnectorError(row.failureClass, code: row.code, message: "\(operation): \(cause)", hint: row.hint)
        if error.exceptionName != nil || row.failureClass == .business {
            result.targetMessage = error.message
        }
        if row.code == "odoo_rate_limited" {
            result.retryAfterSeconds = error.retryAfterSeconds
        }
        return result
    }

    private static func matches(_ match: Match, _ error: OdooRemoteError) -> Bool {
        switch match {
        case .exception(let suffix):
            guard let name = error.exceptionName else { return false }
            return suffix.hasSuffix(".") ? name.hasPrefix(suffix) : (name.hasSuffix(suffix) || name == suffix)
        case .exceptionMessage(let suffix, let text):
            guard let name = error.exceptionName, name.hasSuffix(suffix) || name == suffix else { return false }
            return error.message.contains(text)
        case .messageContains(let text):
            return error.message.contains(text)
        case .status(let range):
            guard error.exceptionName == nil, let status = error.httpStatus else { return false }
            return range.contains(status)
        case .transport(let kind):
            if case .transport(let actual) = error.origin { return actual == kind }
            return false
        case .malformed:
            if case .malformedResponse = error.origin { return true }
            return false
        }
    }

    private static func describeCause(_ error: OdooRemoteError) -> String {
        switch error.origin {
        case .exception(let name):
            let shortName = name.split(separator: ".").last.map(String.init) ?? name
            return "Odoo raised \(shortName): \(firstLine(error.message))"
        case .httpStatus:
            return "Odoo returned HTTP \(error.httpStatus ?? 0): \(firstLine(error.message))"
        case .transport, .malformedResponse:
            return error.message
        }
    }

    /// The first line of a message, at most 300 characters, because Odoo messages can hold whole lists.
    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }
}
