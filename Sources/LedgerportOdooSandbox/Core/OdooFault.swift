import LedgerportSDK

/// An error raised inside the sandbox the way Odoo raises a Python exception.
///
/// Every failure a client can see is one of these: the endpoints turn it into
/// a JSON-RPC `error` envelope (HTTP 200) or a JSON-2 error body with the HTTP
/// status of its ``Kind``. ``name`` is the dotted Python exception name that
/// clients classify on (`odoo.exceptions.UserError`), ``message`` the text Odoo
/// would show, and ``arguments`` the exception's `args`.
package struct OdooFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exception class, which decides the name and the JSON-2 HTTP status.
    package enum Kind: String, Sendable, Equatable {
        case accessDenied = "odoo.exceptions.AccessDenied"
        case accessError = "odoo.exceptions.AccessError"
        case userError = "odoo.exceptions.UserError"
        case validationError = "odoo.exceptions.ValidationError"
        case missingError = "odoo.exceptions.MissingError"
        case valueError = "builtins.ValueError"
        case keyError = "builtins.KeyError"
        case typeError = "builtins.TypeError"
        case attributeError = "builtins.AttributeError"
        case nameError = "builtins.NameError"
        case operationalError = "psycopg2.OperationalError"
        case serializationFailure = "psycopg2.errors.SerializationFailure"
        case poolError = "psycopg2.pool.PoolError"
        case sessionExpired = "odoo.http.SessionExpiredException"
        case badRequest = "werkzeug.exceptions.BadRequest"
        case unauthorized = "werkzeug.exceptions.Unauthorized"
        case notFound = "werkzeug.exceptions.NotFound"
        case unprocessableEntity = "werkzeug.exceptions.UnprocessableEntity"

        /// The HTTP status of a JSON-2 error response, as recorded on Odoo 19.0.
        package var json2Status: Int {
            switch self {
            case .accessDenied, .unauthorized, .sessionExpired: 401
            case .accessError: 403
            case .missingError, .notFound: 404
            case .userError, .validationError, .unprocessableEntity: 422
            case .badRequest: 400
            case .valueError, .keyError, .typeError, .attributeError, .nameError, .operationalError,
                .serializationFailure, .poolError:
                500
            }
        }

        /// Werkzeug HTTP exceptions carry their status code as a second argument.
        var isWerkzeugException: Bool {
            rawValue.hasPrefix("werkzeug.")
        }

        /// The status line fragment Werkzeug prints in front of its messages (`404 Not Found`).
        var werkzeugStatusText: String {
            switch self {
            case .badRequest: "400 Bad Request"
            case .unauthorized: "401 Unauthorized"
            case .notFound: "404 Not Found"
            case .unprocessableEntity: "422 Unprocessable Entity"
            default: ""
            }
        }
    }

    /// The exception class.
    package let kind: Kind
    /// The exception message, as Odoo words it.
    package let message: String

    /// Creates a fault of class `kind` with `message`.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The dotted exception name clients read from `error.data.name`.
    package var name: String { kind.rawValue }

    /// The exception's `args`: the message, followed by the status code for Werkzeug exceptions.
    package var arguments: JSONValue {
        if kind.isWerkzeugException {
            return .array([.string(message), .number(JSONNumber(kind.json2Status))])
        }
        return .array([.string(message)])
    }

    /// A short traceback in Odoo's format whose last line names the exception, as `error.data.debug` does.
    ///
    /// The sandbox has no Python frames to show, so the traceback has one
    /// synthetic frame; clients only ever parse the last line.
    package var debugText: String {
        let lastLine: String
        if kind.isWerkzeugException {
            lastLine = "\(name): \(kind.werkzeugStatusText): \(message)"
        } else if kind.rawValue.hasPrefix("builtins.") {
            let shortName = kind.rawValue.dropFirst("builtins.".count)
            lastLine = kind == .keyError ? "\(shortName): '\(message)'" : "\(shortName): \(message)"
        } else {
            lastLine = "\(name): \(message)"
        }
        return "Traceback (most recent call last):\n  File \"/opt/odoo-sandbox/odoo/http.py\", line 1, in dispatch\n"
            + lastLine + "\n"
    }

    /// `name: message`, for logs and test failures.
    package var description: String {
        "\(name): \(message)"
    }
}

extension OdooFault {
    /// Makes the MissingError Odoo raises for a write, unlink or method call on deleted ids.
    static func missingRecords(_ model: String, _ ids: [Int], uid: Int) -> OdooFault {
        OdooFault(
            .missingError,
            "Record does not exist or has been deleted.\n(Record: \(model)\(pythonTuple(ids)), User: \(uid))"
        )
    }

    /// Formats ids as a Python tuple literal: `(7,)` for one, `(7, 8)` for several.
    static func pythonTuple(_ ids: [Int]) -> String {
        if ids.count == 1 {
            return "(\(ids[0]),)"
        }
        return "(" + ids.map(String.init).joined(separator: ", ") + ")"
    }

    /// Makes the UserError Odoo raises for an unknown model name over JSON-RPC.
    static func unknownModel(_ model: String) -> OdooFault {
        OdooFault(.userError, "Object \(model) doesn't exist")
    }
}
