import LedgerportSDK

/// Checks a request before libcurl sees it, so that a bad value fails with a
/// message naming it instead of a vague libcurl code, and so that no header
/// can smuggle a line break into the request.
enum CurlRequestValidation {
    /// Returns why `request` cannot be sent, or `nil` when it can.
    static func problem(in request: HTTPRequest) -> String? {
        let lowered = request.url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            return "the URL must start with http:// or https://"
        }
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(isTokenByte) else {
            return "method \"\(request.method)\" is not a valid HTTP method token"
        }
        guard isPositiveFinite(request.connectTimeoutSeconds), isPositiveFinite(request.totalTimeoutSeconds) else {
            return "timeouts must be positive numbers of seconds"
        }
        for field in request.headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(isTokenByte) else {
                return "header name \"\(field.name)\" is not a valid HTTP token"
            }
            guard !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                return "the value of header \"\(field.name)\" contains a line break or NUL byte"
            }
        }
        return nil
    }

    private static func isPositiveFinite(_ seconds: Double) -> Bool {
        seconds.isFinite && seconds > 0
    }

    /// Reports whether `byte` may appear in an HTTP token (RFC 9110, section 5.6.2).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
