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
    /// It splits and compares UTF-8 bytes, not characters, since every request is matched.
    func match(_ path: String) -> [String: String]? {
        guard path.utf8.first == UInt8(ascii: "/") else {
            return nil
        }
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        guard parts.count == segments.count else {
            return nil
        }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
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
        }
        return parameters
    }
}
