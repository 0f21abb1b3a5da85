import LedgerportSDK

/// An ``HTTPTransport`` over libcurl, for connectors that call Odoo, Stripe or HubSpot.
///
/// Each transfer runs on a thread of a ``CurlThreadPool`` and the calling
/// task waits on a continuation, so `send` never blocks the Swift concurrency
/// pool. Connections are reused when the server allows keep-alive, and a
/// `Connection: close` response (as Odoo sends) just closes that connection.
///
/// Contract of ``send(_:)``:
/// - a response with any status code, redirects included unless
///   ``CurlTransportConfiguration/followsRedirects`` is on, returns normally;
/// - the response headers are those of the final response block, in the order received;
/// - each request's own connect and total timeouts apply, in seconds;
/// - failures throw ``HTTPTransportError`` (see `CurlErrorMapping` for the table);
///   URLs in errors lose their user information and query;
/// - cancelling the calling task aborts the transfer within about a second and
///   throws ``HTTPTransportError/connectionFailed(url:detail:)``;
/// - nothing is retried.
///
/// The type is thread-safe; share one instance per connection.
///
/// ```swift
/// let pool = CurlThreadPool(threadCount: 8)
/// let odoo = CurlHTTPTransport(pool: pool, configuration: CurlTransportConfiguration(maximumConcurrentTransfers: 4))
/// let response = try await odoo.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:8069/jsonrpc", body: body))
/// ```
package final class CurlHTTPTransport: HTTPTransport {
    /// The settings applied to every request this transport sends.
    package let configuration: CurlTransportConfiguration
    private let pool: CurlThreadPool
    private let limiter: TransferLimiter?

    /// Creates a transport that runs its transfers on `pool`, which other transports may share.
    package init(pool: CurlThreadPool, configuration: CurlTransportConfiguration = CurlTransportConfiguration()) {
        self.pool = pool
        self.configuration = configuration
        limiter = configuration.maximumConcurrentTransfers.map { TransferLimiter(limit: $0) }
    }

    /// Creates a transport with a pool of its own of `threadCount` threads.
    package convenience init(threadCount: Int = 4, configuration: CurlTransportConfiguration = CurlTransportConfiguration()) {
        self.init(pool: CurlThreadPool(threadCount: threadCount), configuration: configuration)
    }

    /// Sends `request` on a pool thread and returns the response, whatever its status; see the type's contract.
    package func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        if let limiter {
            await limiter.acquire()
        }
        defer { limiter?.release() }

        if Task.isCancelled {
            throw .connectionFailed(url: URLForMessages.display(request.url), detail: "request cancelled")
        }
        let result = await runOnPool(request)
        return try result.get()
    }

    private func runOnPool(_ request: HTTPRequest) async -> Result<HTTPResponse, HTTPTransportError> {
        let cancellation = CurlCancellation()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let job = CurlJob(request: request, configuration: configuration, cancellation: cancellation) { result in
                    continuation.resume(returning: result)
                }
                pool.submit(job)
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}
