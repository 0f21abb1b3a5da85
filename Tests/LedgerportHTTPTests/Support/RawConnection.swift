import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a loopback port, for requests that no HTTP client sends (half a header, idle sockets).
///
/// Reads give up after `receiveTimeoutSeconds`, so a server that never
/// closes the connection fails the test instead of hanging it.
final class RawConnection {
    private let socketDescriptor: Int32
    /// Bytes read by an earlier ``readUntilClosed()`` that timed out.
    private var pending: [UInt8] = []

    init(port: UInt16, receiveTimeoutSeconds: Int = 20) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socketDescriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit {
        close(socketDescriptor)
    }

    /// Sets how long each read waits for data before ``readUntilClosed()`` gives up.
    func setReceiveTimeout(milliseconds: Int) {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Closes the sending and receiving sides, so the server sees the connection end.
    func shutDown() {
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socketDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the peer closes the connection; returns what arrived, or `nil` when the receive timeout passed first.
    func readUntilClosed() -> String? {
        var received = pending
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 {
                return String(decoding: received, as: UTF8.self)
            }
            if count < 0 {
                // A reset also means the server closed the connection.
                return errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil
            }
            received.append(contentsOf: chunk[..<count])
            pending = received
        }
    }
}
