import CCurl
import LedgerportSDK

/// One libcurl easy handle, owned by one pool thread for its whole life.
///
/// The handle is reset with `curl_easy_reset` before each transfer, which
/// clears every option but keeps the connection cache. So a server that
/// allows keep-alive gets its connection reused, and one that sends
/// `Connection: close` gets a new connection each time. Not thread-safe:
/// only the owning thread calls ``perform(_:configuration:cancellation:)``.
final class CurlEasyHandle {
    private let handle: UnsafeMutableRawPointer
    /// Receives libcurl's detailed error text. It must outlive every transfer, so it lives as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Stands in for the body of a request without one, since `CURLOPT_POSTFIELDS` must not be NULL.
    private let emptyBody: UnsafeMutablePointer<UInt8>

    init() {
        guard let handle = curl_easy_init() else {
            preconditionFailure("curl_easy_init failed: out of memory")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        emptyBody = .allocate(capacity: 1)
        emptyBody.initialize(to: 0)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
        emptyBody.deallocate()
    }

    /// Sends `request` and blocks the calling thread until the response is complete or the transfer fails.
    func perform(
        _ request: HTTPRequest, configuration: CurlTransportConfiguration, cancellation: CurlCancellation
    ) -> Result<HTTPResponse, HTTPTransportError> {
        if let problem = CurlRequestValidation.problem(in: request) {
            return .failure(.invalidRequest(url: URLForMessages.display(request.url), detail: problem))
        }

        let state = CurlTransferState(maximumBodyBytes: configuration.maximumResponseBodyBytes, cancellation: cancellation)
        let headerList = CurlHeaderList(request.headers)
        let code = withExtendedLifetime((state, headerList)) {
            request.body.withUnsafeBufferPointer { body in
                configure(for: request, body: body, headerList: headerList, configuration: configuration, state: state)
                errorBuffer[0] = 0
                return curl_easy_perform(handle)
            }
        }

        guard code == CURLE_OK else {
            let outcome = failureOutcome(code)
            let error = CurlErrorMapping.error(
                for: outcome, request: request, state: state, maximumBodyBytes: configuration.maximumResponseBodyBytes
            )
            return .failure(error)
        }
        var status = 0
        ledgerport_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: state.headerCollector.headers, body: state.body))
    }

    private func configure(
        for request: HTTPRequest, body: UnsafeBufferPointer<UInt8>, headerList: CurlHeaderList,
        configuration: CurlTransportConfiguration, state: CurlTransferState
    ) {
        curl_easy_reset(handle)
        setLong(CURLOPT_NOSIGNAL, 1)
        setString(CURLOPT_URL, request.url)
        setString(CURLOPT_PROTOCOLS_STR, "http,https")
        setLong(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeoutSeconds))
        setLong(CURLOPT_TIMEOUT_MS, Self.milliseconds(request.totalTimeoutSeconds))
        setPointer(CURLOPT_ERRORBUFFER, errorBuffer)
        setPointer(CURLOPT_HTTPHEADER, headerList.pointer)
        if !configuration.usesEnvironmentProxy {
            setString(CURLOPT_PROXY, "")
        }
        if configuration.followsRedirects {
            setLong(CURLOPT_FOLLOWLOCATION, 1)
            setLong(CURLOPT_MAXREDIRS, configuration.maximumRedirects)
            setString(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        }

        configureMethod(request.method, body: body)
        configureCallbacks(state: state)
    }

    /// Sets the method and, for methods that carry one, the body.
    ///
    /// `CURLOPT_POSTFIELDS` does not copy the bytes: `body` must stay valid until the transfer ends.
    private func configureMethod(_ method: String, body: UnsafeBufferPointer<UInt8>) {
        let sendsBody = !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method)
        if method == "GET" && !sendsBody {
            setLong(CURLOPT_HTTPGET, 1)
        } else if method == "HEAD" && !sendsBody {
            setLong(CURLOPT_NOBODY, 1)
        } else if sendsBody {
            setPointer(CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafePointer(emptyBody)))
            let size = curl_off_t(body.count)
            expectSuccess(ledgerport_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, size), CURLOPT_POSTFIELDSIZE_LARGE)
            if method != "POST" {
                setString(CURLOPT_CUSTOMREQUEST, method)
            }
        } else {
            setString(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    private func configureCallbacks(state: CurlTransferState) {
        let context = Unmanaged.passUnretained(state).toOpaque()
        expectSuccess(ledgerport_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, CurlCallbacks.writeBody), CURLOPT_WRITEFUNCTION)
        setPointer(CURLOPT_WRITEDATA, context)
        let headerCallback = CurlCallbacks.receiveHeaderLine
        expectSuccess(ledgerport_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, headerCallback), CURLOPT_HEADERFUNCTION)
        setPointer(CURLOPT_HEADERDATA, context)
        expectSuccess(ledgerport_curl_setopt_xferinfo_function(handle, CurlCallbacks.checkCancellation), CURLOPT_XFERINFOFUNCTION)
        setPointer(CURLOPT_XFERINFODATA, context)
        setLong(CURLOPT_NOPROGRESS, 0)
    }

    private func failureOutcome(_ code: CURLcode) -> CurlErrorMapping.Outcome {
        var osErrorNumber = 0
        ledgerport_curl_getinfo_long(handle, CURLINFO_OS_ERRNO, &osErrorNumber)
        var pretransferMicroseconds: curl_off_t = 0
        ledgerport_curl_getinfo_off_t(handle, CURLINFO_PRETRANSFER_TIME_T, &pretransferMicroseconds)
        return CurlErrorMapping.Outcome(
            code: code, osErrorNumber: osErrorNumber, requestStarted: pretransferMicroseconds > 0,
            detail: String(cString: errorBuffer)
        )
    }

    /// Converts seconds to whole milliseconds, rounding up so that a tiny timeout never becomes 0 (no timeout).
    private static func milliseconds(_ seconds: Double) -> Int {
        let value = (seconds * 1000).rounded(.up)
        return value >= Double(Int32.max) ? Int(Int32.max) : max(1, Int(value))
    }

    // Every option set here is known to libcurl 7.85 and later and gets a valid
    // value, so a failure means an older libcurl or no memory: both are fatal.
    private func setLong(_ option: CURLoption, _ value: Int) {
        expectSuccess(ledgerport_curl_setopt_long(handle, option, value), option)
    }

    private func setString(_ option: CURLoption, _ value: String) {
        expectSuccess(ledgerport_curl_setopt_string(handle, option, value), option)
    }

    private func setPointer(_ option: CURLoption, _ value: UnsafeMutableRawPointer?) {
        expectSuccess(ledgerport_curl_setopt_pointer(handle, option, value), option)
    }

    private func expectSuccess(_ code: CURLcode, _ option: CURLoption) {
        precondition(code == CURLE_OK, "curl_easy_setopt(\(option.rawValue)) failed with code \(code.rawValue)")
    }
}
