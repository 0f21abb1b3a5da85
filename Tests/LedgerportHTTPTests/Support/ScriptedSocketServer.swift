import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 peer that replies with exact bytes, for client behaviour
/// that libmicrohttpd cannot produce on demand (several header blocks,
/// `Connection: close`, a reply that never comes).
///
/// It accepts connections on 127.0.0.1 on its own threads, reads each
/// request head and its `Content-Length` body, and writes what ``reply``
/// returns for it. A `nil` reply keeps the connection open without a response
/// until ``stop()``.
final class ScriptedSocketServer: @unchecked Sendable {
    /// One request as the server read it.
    struct ReceivedRequest: Sendable {
        var head: String
        var body: [UInt8]
    }

    /// What to send back, and whether to close the connection afterwards.
    struct Reply: Sendable {
        var bytes: [UInt8]
        var closesConnection: Bool

        init(_ text: String, closesConnection: Bool = false) {
            bytes = Array(text.utf8)
            self.closesConnection = closesConnection
        }
    }

    let port: UInt16
    private let listener: Int32
    private let reply: @Sendable (ReceivedRequest) -> Reply?
    private let lock = NSLock()
    private var received: [ReceivedRequest] = []
    private var accepted = 0
    private var openSockets: Set<Int32> = []
    private var stopped = false

    init(reply: @escaping @Sendable (ReceivedRequest) -> Reply?) throws {
        self.reply = reply
        (listener, port) = try Self.listenOnLoopback()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every request received so far, oldest first.
    var requests: [ReceivedRequest] {
        lock.withLock { received }
    }

    /// The number of TCP connections accepted so far.
    var acceptedConnections: Int {
        lock.withLock { accepted }
    }

    /// Closes the listener and every open connection.
    func stop() {
        let sockets = lock.withLock {
            stopped = true
            return openSockets
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for socket in sockets {
            shutdown(socket, Int32(SHUT_RDWR))
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                return
            }
            let accepting = lock.withLock {
                guard !stopped else {
                    return false
                }
                accepted += 1
                openSockets.insert(client)
                return true
            }
            guard accepting else {
                close(client)
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ socket: Int32) {
        var reader = SocketReader(socket: socket)
        defer {
            lock.withLock { _ = openSockets.remove(socket) }
            close(socket)
        }
        while let request = reader.readRequest() {
            lock.withLock { received.append(request) }
            guard let answer = reply(request) else {
                reader.waitUntilClosed()
                return
            }
            guard writeAll(socket, answer.bytes), !answer.closesConnection else {
                return
            }
        }
    }

    private func writeAll(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else {
                return false
            }
            offset += written
        }
        return true
    }

    private static func listenOnLoopback() throws -> (Int32, UInt16) {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else {
            throw POSIXError(.EMFILE)
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketDescriptor, 64) == 0 else {
            close(socketDescriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        return (socketDescriptor, UInt16(bigEndian: address.sin_port))
    }

    /// Returns a loopback port on which nothing listens, by binding one and closing it again.
    static func unusedLoopbackPort() throws -> UInt16 {
        let (socketDescriptor, port) = try listenOnLoopback()
        close(socketDescriptor)
        return port
    }
}

/// Reads HTTP/1.1 requests with a `Content-Length` body from a blocking socket.
private struct SocketReader {
    let socket: Int32
    var buffer: [UInt8] = []

    mutating func readRequest() -> ScriptedSocketServer.ReceivedRequest? {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: terminator)?.upperBound
            if headEnd == nil && !fill() {
                return nil
            }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd!)
        let length = Self.contentLength(in: head)
        while buffer.count < length {
            guard fill() else {
                return nil
            }
        }
        let body = Array(buffer.prefix(length))
        buffer.removeFirst(length)
        return .init(head: head, body: body)
    }

    /// Blocks until the peer closes the connection or ``ScriptedSocketServer/stop()`` shuts it down.
    mutating func waitUntilClosed() {
        while fill() {}
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            return false
        }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private static func contentLength(in head: String) -> Int {
        for line in head.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        return 0
    }
}
