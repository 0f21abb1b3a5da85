import Foundation

/// One keep-alive connection of a ``LoadGenerator``: a non-blocking socket with at most one request outstanding.
///
/// A ``LoadLoop`` drives it: ``send(at:)`` writes the next request,
/// ``socketReady(at:)`` reads and writes what the socket allows, and the
/// connection records the latency of every response. After the connect in
/// its initializer, the socket is non-blocking, so one thread can drive many connections.
final class LoadConnection {
    /// When a paced connection's requests are due, on the monotonic clock.
    struct Schedule {
        /// The due time of the first request, in nanoseconds.
        var firstDue: UInt64
        /// The time between two requests of this connection, in nanoseconds.
        var intervalNanoseconds: UInt64
    }

    /// The counts and latencies of one connection.
    struct Result: Sendable {
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

    /// The connection's state between two requests.
    enum Phase {
        /// No request outstanding; the next one is due at ``nextDue``.
        case idle
        /// A request is being written or its response awaited.
        case waiting
        /// No more requests: the time is up or the connection failed.
        case finished
    }

    /// The connection's position among the load's connections, passed to the request factory.
    let index: Int
    /// The non-blocking socket, or -1 when it could not be opened.
    let socket: Int32
    private let makeRequest: LoadGenerator.RequestFactory
    private let schedule: Schedule?
    private(set) var phase = Phase.idle
    private(set) var result = Result()
    /// When the next request is due (paced) or may be sent (closed loop), on the monotonic clock.
    private(set) var nextDue: UInt64
    private var sequence = 0
    private var due: UInt64 = 0
    private var pending: [UInt8] = []
    private var written = 0
    private var reader = ResponseReader()
    private var chunk = [UInt8](repeating: 0, count: 16384)

    /// Opens connection `index` to `port` on 127.0.0.1; a connection that cannot be opened starts finished.
    init(index: Int, port: UInt16, schedule: Schedule?, start: UInt64, makeRequest: @escaping LoadGenerator.RequestFactory) {
        self.index = index
        self.makeRequest = makeRequest
        self.schedule = schedule
        nextDue = schedule?.firstDue ?? start
        result.latencies.reserveCapacity(4096)
        socket = Self.connect(port: port) ?? -1
        if socket < 0 {
            result.failed = 1
            result.couldNotConnect = true
            phase = .finished
        }
    }

    deinit {
        if socket >= 0 {
            close(socket)
        }
    }

    /// Whether the connection still has bytes of its request to write.
    var wantsToWrite: Bool {
        phase == .waiting && written < pending.count
    }

    /// Writes the next request, which is due at ``nextDue``; at or after `deadline` it finishes instead.
    func send(now: UInt64, deadline: UInt64) {
        guard phase == .idle else {
            return
        }
        guard nextDue < deadline else {
            phase = .finished
            return
        }
        due = schedule == nil ? now : nextDue
        pending = makeRequest(index, sequence)
        sequence += 1
        written = 0
        phase = .waiting
        writePending()
    }

    /// Reads and writes what the socket allows, and records each response that arrived complete.
    func socketReady(at now: UInt64) {
        if phase == .idle {
            // No request is outstanding, so the server closed the connection or sent bytes out of step.
            fail()
            return
        }
        guard phase == .waiting else {
            return
        }
        writePending()
        guard phase == .waiting else {
            return
        }
        readAvailable(at: now)
    }

    private func writePending() {
        while written < pending.count {
            let count = pending.withUnsafeBytes { buffer in
                Glibc.send(socket, buffer.baseAddress! + written, buffer.count - written, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                written += count
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                return
            } else {
                fail()
                return
            }
        }
    }

    private func readAvailable(at now: UInt64) {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                chunk.withUnsafeBytes { reader.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                if count < chunk.count {
                    break
                }
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                break
            } else {
                fail()
                return
            }
        }
        switch reader.next() {
        case .incomplete:
            return
        case .malformed:
            fail()
        case .response(let status):
            record(status: status, at: now)
        }
    }

    private func record(status: Int, at now: UInt64) {
        result.lastResponseNanoseconds = now
        if status == 200 {
            result.latencies.append(UInt32(clamping: (now &- due) / 1000))
        } else {
            result.failed += 1
            result.firstUnexpectedStatus = result.firstUnexpectedStatus ?? status
        }
        guard !reader.hasPartialResponse else {
            // Bytes beyond the one expected response: the connection is out of step.
            fail()
            return
        }
        if let schedule {
            nextDue += schedule.intervalNanoseconds
        } else {
            nextDue = now
        }
        phase = .idle
    }

    private func fail() {
        result.failed += 1
        phase = .finished
    }

    private static func connect(port: UInt16) -> Int32? {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
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
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return descriptor
    }
}
