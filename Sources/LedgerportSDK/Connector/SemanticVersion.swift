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
    ///
    /// The text is read as bytes, because the store parses the connector version
    /// of every delivery row it reads: at the claim and again when the attempt is recorded.
    public init?(_ text: String) {
        var rest = Substring(text).utf8
        guard let major = Self.parseNumber(&rest), rest.popFirst() == UInt8(ascii: "."),
            let minor = Self.parseNumber(&rest), rest.popFirst() == UInt8(ascii: "."),
            let patch = Self.parseNumber(&rest)
        else { return nil }

        var label = ""
        if let marker = rest.popFirst() {
            guard marker == UInt8(ascii: "-"), !rest.isEmpty, rest.allSatisfy(Self.isLabelByte) else { return nil }
            label = String(Substring(rest))
        }
        self.init(major: major, minor: minor, patch: patch, prerelease: label)
    }

    /// Returns whether `byte` may appear in a pre-release label: an ASCII letter or digit, `.` or `-`.
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        let lowercased = byte | 0x20
        return byte.isASCIIDigit || (lowercased >= UInt8(ascii: "a") && lowercased <= UInt8(ascii: "z"))
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Reads a decimal number without leading zeros from the front of `bytes`, or returns nil.
    private static func parseNumber(_ bytes: inout Substring.UTF8View) -> Int? {
        var value = 0
        var digitCount = 0
        while let byte = bytes.first, byte.isASCIIDigit {
            if digitCount == 1, value == 0 { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdding) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow, !overflowAdding else { return nil }
            value = sum
            digitCount += 1
            bytes = bytes.dropFirst()
        }
        return digitCount > 0 ? value : nil
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
