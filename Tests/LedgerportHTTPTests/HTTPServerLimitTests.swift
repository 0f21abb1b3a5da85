import LedgerportHTTPClient
import LedgerportHTTPServer
import LedgerportSDK
import Testing

/// The connection timeout and the connection limit, seen from raw sockets.
@Suite struct HTTPServerLimitTests {
    @Test func halfSentHeader_isClosedAfterTimeout() async throws {
        let server = try Loopback.startServer(HTTPServerConfiguration(connectionTimeoutSeconds: 1), handler: Loopback.echo)
        let connection = try RawConnection(port: try #require(server.port))

        connection.send("POST /hooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-")
        let received = connection.readUntilClosed()
        await server.stop()

        #expect(received == "")
    }

    @Test func halfSentBody_isClosedAfterTimeout() async throws {
        let server = try Loopback.startServer(HTTPServerConfiguration(connectionTimeoutSeconds: 1), handler: Loopback.echo)
        let connection = try RawConnection(port: try #require(server.port))

        connection.send("POST /hooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nonly part")
        let received = connection.readUntilClosed()
        await server.stop()

        #expect(received == "")
    }

    @Test func connectionOverLimit_waitsForFreeSlot() async throws {
        let configuration = HTTPServerConfiguration(threadCount: 1, connectionLimit: 1)
        let server = try Loopback.startServer(configuration, handler: Loopback.echo)
        let port = try #require(server.port)
        let first = try RawConnection(port: port)
        first.send("GET /first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        first.setReceiveTimeout(milliseconds: 300)
        let firstReply = first.readUntilClosed()

        let second = try RawConnection(port: port)
        second.send("GET /second HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        second.setReceiveTimeout(milliseconds: 300)
        let secondWhileFirstOpen = second.readUntilClosed()
        first.shutDown()
        second.setReceiveTimeout(milliseconds: 20_000)
        let secondAfterFirstClosed = second.readUntilClosed()
        await server.stop()

        // The first connection stays open after its response (keep-alive), so reading it times out.
        #expect(firstReply == nil)
        #expect(secondWhileFirstOpen == nil)
        #expect(secondAfterFirstClosed?.hasPrefix("HTTP/1.1 200 OK") == true)
    }
}
