import Foundation

/// The hosts that URL fields of a connection may name when a tenant admin changes them through the admin API.
///
/// The runtime sends requests to a connection's URLs, so a tenant admin who
/// could set any URL could make it call hosts inside the operator's network.
/// The operator lists the hosts in `admin.connection_url_hosts`: an entry is a
/// host name or IP address, or `*.` and a domain for every host below that
/// domain. An empty list allows none. `ledgerport connection configure`, run
/// by the operator on the data folder, is not restricted.
package struct ConnectionURLHosts: Sendable, Hashable {
    /// The entries, lowercased, in the order given.
    package let entries: [String]

    package init(_ entries: [String]) {
        self.entries = entries.map { $0.lowercased() }
    }

    /// Returns whether `host` (a URL's host, IPv6 addresses without brackets) matches an entry.
    package func allows(_ host: String) -> Bool {
        let host = host.lowercased()
        return entries.contains { entry in
            if entry.hasPrefix("*.") {
                return host.hasSuffix(entry.dropFirst(1)) && host.count > entry.count - 1
            }
            return host == entry
        }
    }

    /// Why `entry` cannot be an entry, or nil when it can: it must be a bare host, without scheme, port or path.
    package static func problem(with entry: String) -> String? {
        let bare = entry.hasPrefix("*.") ? String(entry.dropFirst(2)) : entry
        guard !bare.isEmpty else {
            return "\"\(entry)\" names no host"
        }
        if bare.contains(":") {
            // Only an IPv6 address may contain colons.
            return bare.allSatisfy { $0.isHexDigit || $0 == ":" } && !entry.hasPrefix("*.")
                ? nil : "\"\(entry)\" is not a host name or IP address (no scheme or port)"
        }
        let allowed = bare.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return allowed ? nil : "\"\(entry)\" is not a host name or IP address (no scheme, port, path or wildcard other than a leading *.)"
    }

    /// Returns the host of `url` without brackets, or nil when `url` has none.
    package static func host(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else {
            return nil
        }
        if host.hasPrefix("["), host.hasSuffix("]") {
            return String(host.dropFirst().dropLast())
        }
        return host
    }
}
