import LedgerportSDK

/// One transfer waiting for, or running on, a ``CurlThreadPool`` thread.
struct CurlJob: Sendable {
    var request: HTTPRequest
    var configuration: CurlTransportConfiguration
    var cancellation: CurlCancellation
    /// Called exactly once, on the pool thread that ran the transfer.
    var completion: @Sendable (Result<HTTPResponse, HTTPTransportError>) -> Void
}
