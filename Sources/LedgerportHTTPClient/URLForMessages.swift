/// Shortens a request URL for error messages, dropping parts that may carry credentials.
///
/// The user information (`user:password@`), the query and the fragment are
/// removed, so `https://bot:pw@odoo.example/jsonrpc?token=x` becomes
/// `https://odoo.example/jsonrpc`. Text that does not look like a URL is kept
/// up to its first `?` or `#`.
enum URLForMessages {
    static func display(_ url: String) -> String {
        let withoutQuery = url.prefix { $0 != "?" && $0 != "#" }
        guard let schemeEnd = withoutQuery.range(of: "://") else {
            return String(withoutQuery)
        }
        let scheme = withoutQuery[..<schemeEnd.upperBound]
        let rest = withoutQuery[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        return String(scheme) + authority + rest[authorityEnd...]
    }
}
