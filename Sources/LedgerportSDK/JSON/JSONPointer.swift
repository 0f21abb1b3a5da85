import Foundation

/// A JSON Pointer (RFC 6901) such as `/objects/0/schema`, naming one place in a document.
///
/// Error messages about specs, mappings and events name the place with a
/// pointer, so a person can find it in the file.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens, outermost first.
    public private(set) var tokens: [String]

    /// The pointer to the whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses pointer text such as `/a/b~1c`; returns nil when it does not start with `/` and is not empty.
    public init?(_ text: String) {
        if text.isEmpty {
            self.init(tokens: [])
            return
        }
        guard text.hasPrefix("/") else {
            return nil
        }
        let parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        self.init(tokens: parts.map { String($0).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") })
    }

    /// Returns this pointer extended by a member name.
    public func appending(_ key: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [key])
    }

    /// Returns this pointer extended by an array index.
    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(tokens: tokens + [String(index)])
    }

    /// The escaped pointer text; `""` for the root.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    /// Returns the value this pointer names inside `document`, or nil when there is none.
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.description < rhs.description
    }
}
