/// A semantic version (`MAJOR.MINOR.PATCH` with an optional pre-release), as connector ids use.
public struct SemanticVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public let major: Int
    public let minor: Int
    public let patch: Int
    /// The pre-release label after `-`, such as `beta.1`; empty for a release.
    public let prerelease: String

    public init(major: Int, minor: Int, patch: Int, prerelease: String = "") {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `1.2.3` or `1.2.3-beta.1`; build metadata (`+...`) is not accepted.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else { return nil }
        var values = [Int]()
        for number in numbers {
            guard !number.isEmpty, number.allSatisfy(\.isASCIIDigitCharacter),
                number == "0" || !number.hasPrefix("0"), let value = Int(number)
            else { return nil }
            values.append(value)
        }
        let label = parts.count == 2 ? String(parts[1]) : ""
        if parts.count == 2 {
            guard !label.isEmpty, label.allSatisfy({ $0.isASCIIDigitCharacter || $0.isASCIILetterCharacter || $0 == "." || $0 == "-" }) else {
                return nil
            }
        }
        self.init(major: values[0], minor: values[1], patch: values[2], prerelease: label)
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-\(prerelease)")
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        // A pre-release sorts before its release.
        if lhs.prerelease.isEmpty != rhs.prerelease.isEmpty {
            return !lhs.prerelease.isEmpty
        }
        return lhs.prerelease < rhs.prerelease
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = SemanticVersion(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a semantic version such as \"1.2.0\"")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
    var isASCIILetterCharacter: Bool { isASCII && isLetter }
}
