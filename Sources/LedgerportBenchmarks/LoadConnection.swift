import Foundation

/// One keep-alive connection of a ``LoadGenerator``, run on its own thread with a blocking socket.
struct LoadConnection {
    /// When a paced connection's requests are due, on the monotonic clock.
    struct Schedule {
        /// The due time of the first request, in nanoseconds.
        var firstDue: UInt64
        /// The time between two requests of this connection, in nanoseconds.
        var intervalNanoseconds: UInt64
    }

    /// The counts and latencies of one connection.
    struct Result {
        /// The latency of every response with status 200, in microseconds.
        var latencies: [UInt32] = []
        /// Responses with another status, plus one when the connection failed.
        var failed = 0
        /// The first status other than 200.
        var firstUnexpectedStatus: Int?
        /// Whether the connection could not be opened at all.
        var couldNotConnect = false
        /// When the last response arrived, on the monotonic clock, in nanoseconds.
        var lastResponseNanoseconds: UInt64 = 0
    }

    /// The connection's position among the load's connections, passed to the request factory.
    let index: Int
    /// The server's port on 127.0.0.1.
    let port: UInt16
    /// Builds each request's bytes.
    let makeRequest: LoadGenerator.RequestFactory

    /// Creates connection `index` to `port`; nothing is opened until ``run(until:schedule:)``.
    init(index: Int, port: UInt16, makeRequest: @escaping LoadGenerator.RequestFactory) {
        self.index = index
        self.port = port
        self.makeRequest = makeRequest
    }

    /// Sends requests until `deadline` (closed loop, or at the times of `schedule`) and reads every response.
    mutating func run(until deadline: UInt64, schedule: Schedule?) -> Result {
        var result = Result()
        result.latencies.reserveCapacity(4096)
        guard let socket = Self.connect(port: port) else {
            result.failed = 1
            result.couldNotConnect = true
            return result
        }
        defer { close(socket) }
        var reader = ResponseReader(socket: socket)
        var due = schedule?.firstDue ?? 0
        var sequence = 0

        while true {
            if schedule != nil {
                guard due < deadline else { break }
                Self.sleep(until: due)
            } else {
                due = ProcessResources.monotonicNanoseconds()
                guard due < deadline else { break }
            }

            let request = makeRequest(index, sequence)
            sequence += 1
            guard Self.writeAll(socket, request), let status = reader.readResponse() else {
                result.failed += 1
                break
            }
            let now = ProcessResources.monotonicNanoseconds()
            result.lastResponseNanoseconds = now
            if status == 200 {
                result.latencies.append(UInt32(clamping: (now &- due) / 1000))
            } else {
                result.failed += 1
                result.firstUnexpectedStatus = result.firstUnexpectedStatus ?? status
            }
            if let schedule {
                due += schedule.intervalNanoseconds
            }
        }
        return result
    }

    /// Sleeps until `time` on the monotonic clock; returns at once when it has passed.
    private static func sleep(until time: UInt64) {
        guard ProcessResources.monotonicNanoseconds() < time else {
            return
        }
        var target = timespec(tv_sec: Int(time / 1_000_000_000), tv_nsec: Int(time % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil) == EINTR {}
    }

    private static func connect(port: UInt16) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            return nil
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    private static func writeAll(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                guard written > 0 else {
                    return false
                }
                offset += written
            }
            return true
        }
    }
}

/// Reads HTTP/1.1 responses with a `Content-Length` body from a keep-alive socket.
struct ResponseReader {
    /// The connected socket the responses are read from.
    let socket: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 16384)

    /// Creates a reader for `socket` with an empty buffer.
    init(socket: Int32) {
        self.socket = socket
        buffer.reserveCapacity(16384)
    }

    /// Reads one whole response and returns its status, or nil when the connection closed or the response is malformed.
    mutating func readResponse() -> Int? {
        var headEnd = Self.endOfHead(in: buffer)
        while headEnd == nil {
            guard fill() else {
                return nil
            }
            headEnd = Self.endOfHead(in: buffer)
        }
        guard let headEnd, let status = Self.status(in: buffer) else {
            return nil
        }
        let length = Self.contentLength(in: buffer[..<headEnd]) ?? 0
        while buffer.count < headEnd + length {
            guard fill() else {
                return nil
            }
        }
        buffer.removeFirst(headEnd + length)
        return status
    }

    private mutating func fill() -> Bool {
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            return false
        }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    /// Returns the index just past the blank line that ends the head, or nil when it has not arrived yet.
    static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else {
            return nil
        }
        for index in 3..<bytes.count where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// Returns the status code of a status line such as `HTTP/1.1 200 OK`.
    static func status(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 12, bytes[8] == 32 else {
            return nil
        }
        var status = 0
        for byte in bytes[9..<12] {
            guard byte >= 48 && byte <= 57 else {
                return nil
            }
            status = status * 10 + Int(byte - 48)
        }
        return status
    }

    /// Returns the value of the `Content-Length` field of a response head, matched without regard to case.
    static func contentLength(in head: ArraySlice<UInt8>) -> Int? {
        let name = Array("content-length:".utf8)
        var index = head.startIndex
        while index + name.count <= head.endIndex {
            let atLineStart = index == head.startIndex || head[index - 1] == 10
            if atLineStart && zip(head[index..<(index + name.count)], name).allSatisfy({ $0 | 0x20 == $1 }) {
                return digits(in: head[(index + name.count)...])
            }
            index += 1
        }
        return nil
    }

    /// Returns the number at the start of `bytes`, after any spaces.
    private static func digits(in bytes: ArraySlice<UInt8>) -> Int? {
        var value: Int?
        for byte in bytes.drop(while: { $0 == 32 }) {
            guard byte >= 48 && byte <= 57 else {
                break
            }
            value = (value ?? 0) * 10 + Int(byte - 48)
        }
        return value
    }
}
