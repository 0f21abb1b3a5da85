import Foundation
import LedgerportSDK

/// A minimal HTTP/1.1 receiver on 127.0.0.1 that records POSTed webhooks and returns 200.
///
/// It serves one request per connection on a dedicated thread (blocking
/// `accept` and `recv` stay off the Swift concurrency pool).
///
/// NOTE: test scaffolding until the project's libmicrohttpd server
/// (`LedgerportHTTPServer`) is on the main branch; it reads only what
/// localstripe and the replay tool send (a body with `Content-Length`).
final class LoopbackWebhookReceiver: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [WebhookRequest] = []
    private var thread: Thread?

    var requests: [WebhookRequest] { lock.withLock { received } }

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw LocalstripeServer.NotAvailable(description: "cannot listen on 127.0.0.1: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        self.thread = thread
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(port)/stripe/webhook" }

    /// Stops accepting; the accept loop ends when the listening socket is shut down.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Waits until at least `count` requests arrived, polling for up to `seconds`.
    func waitForRequests(_ count: Int, seconds: Double = 15) async throws -> [WebhookRequest] {
        for _ in 0..<Int(seconds * 20) {
            let current = requests
            if current.count >= count { return current }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return requests
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            if let request = readRequest(connection) {
                lock.withLock { received.append(request) }
            }
            let response = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = response.withCString { send(connection, $0, strlen($0), 0) }
            close(connection)
        }
    }

    private func readRequest(_ connection: Int32) -> WebhookRequest? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data += buffer[0..<count]
            if headerEnd == nil, let end = Self.find([13, 10, 13, 10], in: data) {
                headerEnd = end + 4
                contentLength = Self.headers(data[0..<end]).1["Content-Length"].flatMap { Int($0) } ?? 0
            }
            if let headerEnd, data.count >= headerEnd + contentLength { break }
        }
        let end = headerEnd! - 4
        let (requestLine, headers) = Self.headers(data[0..<end])
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        return WebhookRequest(method: String(parts[0]), path: String(parts[1]), headers: headers, body: Array(data[headerEnd!..<(headerEnd! + contentLength)]), receivedAt: Date())
    }

    private static func headers(_ bytes: ArraySlice<UInt8>) -> (String, HTTPHeaders) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return (lines.first ?? "", headers)
    }

    private static func find(_ pattern: [UInt8], in data: [UInt8]) -> Int? {
        guard data.count >= pattern.count else { return nil }
        for index in 0...(data.count - pattern.count) where Array(data[index..<(index + pattern.count)]) == pattern {
            return index
        }
        return nil
    }
}
