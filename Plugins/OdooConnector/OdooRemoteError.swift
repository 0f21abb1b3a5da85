/// A failure reported by the Odoo server or the path to it, before classification.
///
/// Transports produce this from JSON-RPC error envelopes, JSON-2 error
/// bodies, HTTP statuses and transport failures; ``OdooErrorTable`` turns it
/// into a classified `ConnectorError`. It never contains request bodies, so it
/// cannot carry a credential.
struct OdooRemoteError: Error, Sendable, Hashable {
    /// The source of the failure.
    enum Origin: Sendable, Hashable {
        /// A JSON-RPC `error` envelope (HTTP 200) or a JSON-2 error body, with Odoo's exception name.
        case exception(name: String)
        /// An HTTP status without a usable Odoo error body (HTML pages, plain text, empty bodies).
        case httpStatus
        /// No HTTP response at all: refused, timed out, host not found.
        case transport(TransportFailure)
        /// A response that parsed but had an unexpected shape.
        case malformedResponse
    }

    /// The reason no response arrived, as far as classification needs it.
    enum TransportFailure: Sendable, Hashable {
        case refused
        case timedOut
        case hostNotFound
        case failed
        case invalidRequest
    }

    var origin: Origin
    /// The HTTP status, when a response arrived.
    var httpStatus: Int?
    /// Odoo's message or a short description of the failure, without secrets.
    var message: String
    /// Seconds from a `Retry-After` header, when the server sent one.
    var retryAfterSeconds: Int?

    /// The Odoo exception name (`odoo.exceptions.UserError`), or nil when the failure has none.
    var exceptionName: String? {
        if case .exception(let name) = origin { return name }
        return nil
    }
}
