/// An HTTP request a connector sends to its peer.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    /// An absolute `http` or `https` URL.
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The longest time to establish the connection, in seconds.
    public var connectTimeoutSeconds: Double
    /// The longest time for the whole exchange, in seconds.
    public var totalTimeoutSeconds: Double

    public init(
        method: String, url: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        connectTimeoutSeconds: Double = 5, totalTimeoutSeconds: Double = 30
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.totalTimeoutSeconds = totalTimeoutSeconds
    }
}

/// The response to an ``HTTPRequest``, with any status code.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8, replacing invalid bytes.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}

/// Sends HTTP requests for a connector.
///
/// The runtime provides an implementation over libcurl that runs each
/// transfer on a dedicated thread, so `send` never blocks the Swift
/// concurrency pool. A response with any status code returns normally;
/// only a failure to get a response throws ``HTTPTransportError``.
/// The transport does not retry: retry policy belongs to the runtime.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse
}

/// Why no HTTP response was received. All cases but ``invalidRequest`` are transient.
public enum HTTPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    case connectionRefused(url: String)
    case timedOut(url: String, seconds: Double)
    case hostNotFound(url: String)
    case connectionFailed(url: String, detail: String)
    case invalidRequest(url: String, detail: String)

    public var description: String {
        switch self {
        case .connectionRefused(let url): "connection to \(url) refused; check that the server runs and the URL's port"
        case .timedOut(let url, let seconds): "request to \(url) timed out after \(seconds) s"
        case .hostNotFound(let url): "host of \(url) not found; check the URL"
        case .connectionFailed(let url, let detail): "request to \(url) failed: \(detail)"
        case .invalidRequest(let url, let detail): "request to \(url) is invalid: \(detail)"
        }
    }

    /// The failure class the runtime applies when a connector lets this error escape.
    public var failureClass: FailureClass {
        switch self {
        case .invalidRequest, .hostNotFound: .configuration
        case .connectionRefused, .timedOut, .connectionFailed: .transient
        }
    }
}
