import CCurl
import Foundation
import LedgerportSDK

/// Translates a failed `curl_easy_perform` into an ``HTTPTransportError``.
///
/// | libcurl result | error |
/// |---|---|
/// | `CURLE_COULDNT_CONNECT` with `ECONNREFUSED` | ``HTTPTransportError/connectionRefused(url:)`` |
/// | `CURLE_OPERATION_TIMEDOUT` | ``HTTPTransportError/timedOut(url:seconds:)`` with the connect timeout when no connection was made, else the total timeout |
/// | `CURLE_COULDNT_RESOLVE_HOST` | ``HTTPTransportError/hostNotFound(url:)`` |
/// | `CURLE_URL_MALFORMAT`, `CURLE_UNSUPPORTED_PROTOCOL` | ``HTTPTransportError/invalidRequest(url:detail:)`` |
/// | anything else | ``HTTPTransportError/connectionFailed(url:detail:)`` naming the libcurl error |
enum CurlErrorMapping {
    /// The state of a failed transfer, read from the easy handle after `curl_easy_perform`.
    struct Outcome {
        var code: CURLcode
        /// The `errno` of the last failed socket call (`CURLINFO_OS_ERRNO`), or 0.
        var osErrorNumber: Int
        /// Whether a connection was established and the request started (`CURLINFO_PRETRANSFER_TIME_T` > 0).
        var requestStarted: Bool
        /// libcurl's detailed message from `CURLOPT_ERRORBUFFER`, possibly empty.
        var detail: String
    }

    static func error(
        for outcome: Outcome, request: HTTPRequest, state: CurlTransferState, maximumBodyBytes: Int
    ) -> HTTPTransportError {
        let url = URLForMessages.display(request.url)
        switch outcome.code {
        case CURLE_COULDNT_CONNECT where outcome.osErrorNumber == Int(ECONNREFUSED):
            return .connectionRefused(url: url)
        case CURLE_OPERATION_TIMEDOUT:
            let seconds = outcome.requestStarted ? request.totalTimeoutSeconds : request.connectTimeoutSeconds
            return .timedOut(url: url, seconds: seconds)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .hostNotFound(url: url)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidRequest(url: url, detail: describe(outcome))
        case CURLE_WRITE_ERROR where state.bodyTooLarge:
            return .connectionFailed(url: url, detail: "response body larger than \(maximumBodyBytes) bytes")
        case CURLE_ABORTED_BY_CALLBACK where state.cancellation.isCancelled:
            return .connectionFailed(url: url, detail: "request cancelled")
        default:
            return .connectionFailed(url: url, detail: describe(outcome))
        }
    }

    /// Formats libcurl's description of `outcome`, such as `Failure when receiving data from the peer (curl code 56)`.
    private static func describe(_ outcome: Outcome) -> String {
        let summary = String(cString: curl_easy_strerror(outcome.code))
        let text = outcome.detail.isEmpty ? summary : outcome.detail
        return "\(text) (curl code \(outcome.code.rawValue))"
    }
}
