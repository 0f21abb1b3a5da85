import Foundation
import LedgerportSDK

/// Sends requests to the Stripe API for one connection: authenticated, version-pinned, paced and retried.
///
/// Every request carries the connection's API key as a bearer token and
/// `Stripe-Version` set to the connection's pinned version, so responses
/// have the shape the translators expect. Requests pass through the token
/// bucket first; 429, 5xx and transient transport failures are retried with
/// ``RetryBackoff`` on the context clock. Writes carry an `Idempotency-Key`
/// that stays the same across retries, so a retried write has one effect.
struct StripeAPIClient: Sendable {
    let baseURL: String
    let apiKey: Secret
    let apiVersion: StripeAPIVersion
    let transport: any HTTPTransport
    let clock: any WallClock
    let rateLimiter: TokenBucket
    let backoff: RetryBackoff
    let logger: Logger

    /// Sends `GET path?query` and returns the parsed JSON body of a 2xx response.
    func get(_ path: String, query: [(String, String)] = []) async throws(ConnectorError) -> JSONValue {
        try await send(method: "GET", path: path, parameters: query, idempotencyKey: nil)
    }

    /// Sends a form-encoded `POST` with `idempotencyKey`, which Stripe uses to apply the write once.
    func post(_ path: String, form: [(String, String)], idempotencyKey: String) async throws(ConnectorError) -> JSONValue {
        precondition(!idempotencyKey.isEmpty, "every Stripe write needs an idempotency key")
        return try await send(method: "POST", path: path, parameters: form, idempotencyKey: idempotencyKey)
    }

    /// Sends a `DELETE` with `idempotencyKey`.
    func delete(_ path: String, idempotencyKey: String) async throws(ConnectorError) -> JSONValue {
        precondition(!idempotencyKey.isEmpty, "every Stripe write needs an idempotency key")
        return try await send(method: "DELETE", path: path, parameters: [], idempotencyKey: idempotencyKey)
    }

    private func send(
        method: String, path: String, parameters: [(String, String)], idempotencyKey: String?
    ) async throws(ConnectorError) -> JSONValue {
        let request = makeRequest(method: method, path: path, parameters: parameters, idempotencyKey: idempotencyKey)
        let operation = "\(method) \(path)"
        var attempt = 1
        while true {
            let outcome = await sendOnce(request, operation: operation)
            switch outcome {
            case .success(let response):
                return try parseBody(response, operation: operation)
            case .failure(let error, let retryable, let retryAfter):
                guard retryable, attempt < backoff.maximumAttempts else { throw error }
                let delay = backoff.delay(beforeRetry: attempt, retryAfter: retryAfter)
                logger.debug("retry Stripe request", metadata: [
                    LogMetadataKey.httpMethod: .string(method), LogMetadataKey.httpPath: .string(path),
                    LogMetadataKey.attempt: .integer(Int64(attempt)), LogMetadataKey.error: .string(error.code),
                ])
                do {
                    try await clock.sleep(seconds: delay)
                } catch {
                    throw ConnectorError.transient("stripe_request_cancelled", "Stripe \(operation): cancelled while waiting to retry")
                }
                attempt += 1
            }
        }
    }

    private enum AttemptOutcome {
        case success(HTTPResponse)
        case failure(ConnectorError, retryable: Bool, retryAfter: Double?)
    }

    private func sendOnce(_ request: HTTPRequest, operation: String) async -> AttemptOutcome {
        do {
            try await rateLimiter.acquire()
        } catch {
            return .failure(.transient("stripe_request_cancelled", "Stripe \(operation): cancelled while waiting for the rate limit"), retryable: false, retryAfter: nil)
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            let failure = StripeAPIError.error(operation: operation, transport: error)
            return .failure(failure, retryable: failure.failureClass == .transient, retryAfter: nil)
        }
        guard (200...299).contains(response.status) else {
            let failure = StripeAPIError.error(operation: operation, response: response)
            let retryable = StripeAPIError.isRetryable(status: response.status, headers: response.headers)
            return .failure(failure, retryable: retryable, retryAfter: failure.retryAfterSeconds.map(Double.init))
        }
        return .success(response)
    }

    private func makeRequest(method: String, path: String, parameters: [(String, String)], idempotencyKey: String?) -> HTTPRequest {
        var url = baseURL + path
        var body = [UInt8]()
        var headers: HTTPHeaders = [
            "Authorization": "Bearer \(apiKey.revealText())",
            "Stripe-Version": apiVersion.rawValue,
            "Accept": "application/json",
        ]
        if method == "GET", !parameters.isEmpty {
            url += "?" + StripeFormEncoding.encode(parameters)
        } else if method != "GET" {
            body = Array(StripeFormEncoding.encode(parameters).utf8)
            headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        }
        if let idempotencyKey {
            headers.add(name: "Idempotency-Key", value: idempotencyKey)
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    private func parseBody(_ response: HTTPResponse, operation: String) throws(ConnectorError) -> JSONValue {
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw ConnectorError.system(
                "stripe_invalid_response", "Stripe \(operation): the response is not JSON (\(error))",
                hint: "check that \"api_base_url\" points at the Stripe API"
            )
        }
    }
}
