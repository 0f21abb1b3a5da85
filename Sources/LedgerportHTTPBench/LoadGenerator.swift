import Foundation

/// Sends small keep-alive POST requests over raw sockets from dedicated threads and counts the responses.
///
/// Each connection has its own thread that writes one request, reads the
/// response (header and `Content-Length` body), and repeats until the time is up.
/// Raw sockets keep the generator's own cost small next to the server's.
struct LoadGenerator {
    var port: UInt16
    var connections: Int
    var seconds: Double
    var body: [UInt8]

    /// Runs the load and returns the number of responses with status 200 and the number of other outcomes.
    func run() -> (succeeded: Int, failed: Int) {
        let results = Results()
        let deadline = Date(timeIntervalSinceNow: seconds)
        let group = DispatchGroup()
        for index in 0..<connections {
            group.enter()
            let thread = Thread {
                let counts = runConnection(index: index, until: deadline)
                results.add(counts)
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return results.totals
    }

    private func runConnection(index: Int, until deadline: Date) -> (Int, Int) {
        guard let socket = connect() else {
            return (0, 1)
        }
        defer { close(socket) }
        var reader = ResponseReader(socket: socket)
        var succeeded = 0
        var counter = 0
        while Date() < deadline {
            counter += 1
            let request = Array("POST /hooks/bench HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: \(index)-\(counter)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
            guard writeAll(socket, request), let status = reader.readStatus() else {
                return (succeeded, 1)
            }
            if status == 200 {
                succeeded += 1
            }
        }
        return (succeeded, 0)
    }

    private func connect() -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0 ? descriptor : nil
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
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var succeeded = 0
    private var failed = 0

    var totals: (succeeded: Int, failed: Int) {
        lock.withLock { (succeeded, failed) }
    }

    func add(_ counts: (Int, Int)) {
        lock.withLock {
            succeeded += counts.0
            failed += counts.1
        }
    }
}

/// Reads HTTP/1.1 responses with a `Content-Length` body from a keep-alive socket.
private struct ResponseReader {
    let socket: Int32
    var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 16384)

    init(socket: Int32) {
        self.socket = socket
    }

    mutating func readStatus() -> Int? {
        let terminator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: terminator)?.upperBound
            if headEnd == nil && !fill() {
                return nil
            }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd!)
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        while buffer.count < length {
            guard fill() else {
                return nil
            }
        }
        buffer.removeFirst(length)
        return Int(head.split(separator: " ")[1])
    }

    private mutating func fill() -> Bool {
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            return false
        }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }
}
