import Foundation

/// A numeric IP address and port as a `sockaddr`, for `MHD_OPTION_SOCK_ADDR`.
struct ListenAddress {
    let isIPv6: Bool
    private var storage = sockaddr_storage()

    /// Parses `host` as an IPv4 or IPv6 literal, or returns `nil`; no name lookup happens.
    init?(host: String, port: UInt16) {
        var ipv4 = sockaddr_in()
        var ipv6 = sockaddr_in6()
        if inet_pton(AF_INET, host, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port.bigEndian
            isIPv6 = false
            Self.copy(ipv4, into: &storage)
        } else if inet_pton(AF_INET6, host, &ipv6.sin6_addr) == 1 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = port.bigEndian
            isIPv6 = true
            Self.copy(ipv6, into: &storage)
        } else {
            return nil
        }
    }

    private static func copy<Address>(_ address: Address, into storage: inout sockaddr_storage) {
        withUnsafeBytes(of: address) { source in
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: source) }
        }
    }

    /// Calls `body` with a pointer to the address, valid only during the call.
    mutating func withSocketAddress<Result>(_ body: (UnsafeMutablePointer<sockaddr>) -> Result) -> Result {
        withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1, body)
        }
    }
}
