import Foundation
import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportSDK
import Testing

/// The server passes every request it rejects before routing to its rejection observer, and the 413 names the limit setting.
@Suite struct HTTPServerRejectionTests {
    @Test func oversizedBody_reachesObserver() async throws {
        let observed = Locked<[HTTPServerRejection]>([])
        let configuration = HTTPServerConfiguration(maximumBodyBytes: 1024, bodyLimitSetting: "http.max_request_bytes")
        let server = HTTPServer(
            configuration: configuration, logger: .disabled, route: { _ in .async { _ in HTTPServerResponse(status: 200) } },
            onRejected: { rejection in observed.withLock { $0.append(rejection) } })
        try server.start()
        let transport = CurlHTTPTransport(threadCount: 1)

        let oversized = try await transport.send(
            HTTPRequest(method: "POST", url: Loopback.url(server, "/webhooks/acme/production/stripe-main?x=1"), body: [UInt8](repeating: 7, count: 4096)))
        let fitting = try await transport.send(HTTPRequest(method: "POST", url: Loopback.url(server, "/webhooks/acme/production/stripe-main"), body: [7]))
        await server.stop()

        let message = "request body exceeds 1024 bytes; send a smaller body, or have the server's operator raise http.max_request_bytes"
        #expect(oversized.status == 413)
        #expect(try JSONParser.parse(oversized.body)["error"]?["message"]?.stringValue == message)
        #expect(fitting.status == 200)
        let rejections = observed.withLock { $0 }
        #expect(rejections.count == 1)
        #expect(rejections.first?.method == "POST")
        #expect(rejections.first?.path == "/webhooks/acme/production/stripe-main")
        #expect(rejections.first?.remoteAddress == "127.0.0.1")
        #expect(rejections.first?.status == 413)
        #expect(rejections.first?.code == "payload_too_large")
        #expect(rejections.first?.message == message)
    }
}
