import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportLog
import LedgerportSDK
import Testing

/// The request log line: what it contains and what it must never contain.
@Suite struct HTTPServerLoggingTests {
    @Test func requestLog_redactsCredentialsAndOmitsBody() async throws {
        let capture = CapturingLogHandler()
        let logger = Logger(label: "http", logLevel: .debug, handler: capture)
        let server = try Loopback.startServer(logger: logger, handler: Loopback.echo)
        let headers: HTTPHeaders = [
            "Authorization": "Bearer odoo-key-123", "Stripe-Signature": "t=1,v1=abcdef", "X-HubSpot-Signature-V3": "hs-sig",
            "Cookie": "session=s3cr3t", "X-Request-Id": "req-7",
        ]

        _ = try await CurlHTTPTransport(threadCount: 1).send(
            HTTPRequest(method: "POST", url: Loopback.url(server, "/webhooks/acme"), headers: headers, body: Array("card 4242-body".utf8))
        )
        await server.stop()

        let served = try #require(capture.records.first { $0.message == "served request" })
        #expect(served.level == .debug)
        #expect(served.metadata[LogMetadataKey.httpMethod] == "POST")
        #expect(served.metadata[LogMetadataKey.httpPath] == "/webhooks/acme")
        #expect(served.metadata[LogMetadataKey.httpStatus] == 200)
        #expect(served.metadata[LogMetadataKey.durationMilliseconds] != nil)
        #expect(served.metadata[LogMetadataKey.httpRequestBodyBytes] == 14)
        let output = capture.renderedLines
        for secret in ["odoo-key-123", "abcdef", "hs-sig", "s3cr3t", "4242-body"] {
            #expect(!output.contains(secret), "log contains \(secret)")
        }
        #expect(output.contains("X-Request-Id: req-7"))
        #expect(output.contains("Authorization: [REDACTED]"))
    }
}
