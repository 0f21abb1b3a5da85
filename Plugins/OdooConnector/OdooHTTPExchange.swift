import LedgerportSDK

/// Sends one HTTP request to Odoo through the context's transport and turns transport failures into ``OdooRemoteError``.
///
/// Every request carries the connection's connect and total timeouts. Odoo
/// sends `Connection: close`, so nothing here assumes a connection is
/// reused. Request bodies may hold a credential and are never logged or put
/// into errors.
struct OdooHTTPExchange: Sendable {
    var transport: any HTTPTransport
    var connectTimeoutSeconds: Double
    var requestTimeoutSeconds: Double

    /// POSTs a JSON body and returns the response, whatever its status.
    func postJSON(url: String, body: JSONValue, headers extra: [(String, String)] = []) async throws(OdooRemoteError) -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        for (name, value) in extra {
            headers.add(name: name, value: value)
        }
        let request = HTTPRequest(
            method: "POST", url: url, headers: headers, body: JSONWriter.bytes(body),
            connectTimeoutSeconds: connectTimeoutSeconds, totalTimeoutSeconds: requestTimeoutSeconds
        )
        return try await send(request)
    }

    /// GETs a URL and returns the response, whatever its status.
    func get(url: String) async throws(OdooRemoteError) -> HTTPResponse {
        let request = HTTPRequest(
            method: "GET", url: url, headers: ["Accept": "application/json"],
            connectTimeoutSeconds: connectTimeoutSeconds, totalTimeoutSeconds: requestTimeoutSeconds
        )
        return try await send(request)
    }

    private func send(_ request: HTTPRequest) async throws(OdooRemoteError) -> HTTPResponse {
        do {
            return try await transport.send(request)
        } catch {
            throw OdooRemoteError(origin: .transport(Self.kind(of: error)), httpStatus: nil, message: error.description)
        }
    }

    private static func kind(of error: HTTPTransportError) -> OdooRemoteError.TransportFailure {
        switch error {
        case .connectionRefused: .refused
        case .timedOut: .timedOut
        case .hostNotFound: .hostNotFound
        case .connectionFailed: .failed
        case .invalidRequest: .invalidRequest
        }
    }

    /// The seconds of a numeric `Retry-After` header, or nil.
    static func retryAfter(_ response: HTTPResponse) -> Int? {
        response.headers["Retry-After"].flatMap { Int($0.filter { !$0.isWhitespace }) }
    }

    /// Parses a response body as JSON, or returns nil when it is not JSON (HTML error pages, plain text).
    static func jsonBody(_ response: HTTPResponse) -> JSONValue? {
        guard !response.body.isEmpty else { return nil }
        return try? JSONParser.parse(response.body)
    }

    /// An error for a response without a readable Odoo error body: the status and the start of the text.
    static func statusError(_ response: HTTPResponse) -> OdooRemoteError {
        let text = response.bodyText.replacingOccurrences(of: "\n", with: " ")
        return OdooRemoteError(
            origin: .httpStatus, httpStatus: response.status,
            message: text.isEmpty ? "empty body" : String(text.prefix(400)),
            retryAfterSeconds: retryAfter(response)
        )
    }
}
