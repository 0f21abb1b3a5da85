import CCurl
import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportHTTPClient

/// The libcurl result table, for the codes that no loopback peer can provoke (such as a failed DNS lookup).
@Suite struct CurlErrorMappingTests {
    private let request = HTTPRequest(
        method: "GET", url: "https://user:pw@odoo.example/jsonrpc?db=x", connectTimeoutSeconds: 2, totalTimeoutSeconds: 9
    )
    private let display = "https://odoo.example/jsonrpc"

    private func map(_ code: CURLcode, errno: Int32 = 0, started: Bool = false, detail: String = "") -> HTTPTransportError {
        let outcome = CurlErrorMapping.Outcome(code: code, osErrorNumber: Int(errno), requestStarted: started, detail: detail)
        let state = CurlTransferState(maximumBodyBytes: 10, cancellation: CurlCancellation())
        return CurlErrorMapping.error(for: outcome, request: request, state: state, maximumBodyBytes: 10)
    }

    @Test func codes_mapToTransportErrors() {
        #expect(map(CURLE_COULDNT_CONNECT, errno: ECONNREFUSED) == .connectionRefused(url: display))
        #expect(map(CURLE_COULDNT_RESOLVE_HOST) == .hostNotFound(url: display))
        #expect(map(CURLE_OPERATION_TIMEDOUT, started: false) == .timedOut(url: display, seconds: 2))
        #expect(map(CURLE_OPERATION_TIMEDOUT, started: true) == .timedOut(url: display, seconds: 9))
        #expect(
            map(CURLE_COULDNT_CONNECT, errno: ENETUNREACH, detail: "Failed to connect: Network is unreachable")
                == .connectionFailed(url: display, detail: "Failed to connect: Network is unreachable (curl code 7)")
        )
        #expect(map(CURLE_RECV_ERROR) == .connectionFailed(url: display, detail: "Failure when receiving data from the peer (curl code 56)"))
        #expect(map(CURLE_URL_MALFORMAT) == .invalidRequest(url: display, detail: "URL using bad/illegal format or missing URL (curl code 3)"))
    }
}
