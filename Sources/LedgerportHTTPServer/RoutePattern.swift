/// A path pattern such as `/webhooks/{tenant}/{environment}/{connection}`.
///
/// Literal segments must equal the request's segment exactly, before
/// decoding. A `{name}` segment matches any one non-empty segment and
/// captures it percent-decoded, so `%2F` inside a parameter never splits it.
struct RoutePattern: Sendable, Hashable {
    private enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    let text: String
    private let segments: [Segment]

    /// Parses `text`; traps on a pattern that does not start with `/` or repeats a parameter name, a programmer error.
    init(_ text: String) {
        precondition(text.hasPrefix("/"), "route pattern \"\(text)\" must start with /")
        self.text = text
        segments = text.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { segment in
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2 {
                return .parameter(String(segment.dropFirst().dropLast()))
            }
            return .literal(String(segment))
        }
        let names = segments.compactMap { segment -> String? in
            if case .parameter(let name) = segment { name } else { nil }
        }
        precondition(Set(names).count == names.count, "route pattern \"\(text)\" repeats a parameter name")
    }

    /// Matches `path` and returns the captured parameters, or `nil` when it does not match.
    ///
    /// It walks the path's UTF-8 bytes in place, one segment at a time, and
    /// stops at the first literal that differs: every request is matched
    /// against the routes in turn, so nothing is allocated before a match.
    func match(_ path: String) -> [String: String]? {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/") else {
            return nil
        }
        var parameters: [String: String] = [:]
        var start = bytes.index(after: bytes.startIndex)
        for (position, segment) in segments.enumerated() {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            // The last segment must end the path, and every other one must be followed by a slash.
            let isLast = position == segments.count - 1
            guard isLast == (end == bytes.endIndex) else {
                return nil
            }
            let part = bytes[start..<end]
            switch segment {
            case .literal(let literal):
                guard part.elementsEqual(literal.utf8) else {
                    return nil
                }
            case .parameter(let name):
                guard !part.isEmpty else {
                    return nil
                }
                parameters[name] = PercentDecoding.decode(Substring(part), plusAsSpace: false)
            }
            if !isLast {
                start = bytes.index(after: end)
            }
        }
        return parameters
    }

    /// Counts the leading segments of `path` that this pattern's segments match, literal or parameter, for the hint of a 404.
    func sharedLeadingSegments(with path: String) -> Int {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var shared = 0
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal) where literal == part:
                shared += 1
            case .parameter where !part.isEmpty:
                shared += 1
            default:
                return shared
            }
        }
        return shared
    }
}
