@testable import LedgerportBenchmarks
import LedgerportHTTPServer
import Testing

/// The HTTP server under keep-alive clients that send each next request as soon as a response arrives.
///
/// In epoll mode, libmicrohttpd 0.9.75 stopped reading every connection of
/// this load with one thread and 128 connections. The requests sat unread
/// until the connection timeout closed them, so the load counted failures.
@Suite struct KeepAliveLoadTests {
    @Test func oneThread128Connections_answersEveryRequest() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, threadCount: 1, connectionTimeoutSeconds: 30)
        let server = HTTPServer(configuration: configuration, logger: .disabled, handler: IngestScenario.noopHandler)
        try server.start()
        let port = try #require(server.port)
        let request = Array("GET /noop HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)

        let settings = LoadGenerator.Settings(port: port, connections: 128, threads: 2, seconds: 1, rate: nil)
        let outcome = await LoadGenerator(settings: settings, makeRequest: { _, _ in request }).run()
        await server.stop()

        #expect(outcome.failed == 0)
        #expect(outcome.connectFailures == 0)
        #expect(outcome.succeeded > 128)
    }
}
