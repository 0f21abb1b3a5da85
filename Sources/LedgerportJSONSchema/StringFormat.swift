/// The `format` values this validator checks. Any other format is rejected when the schema loads.
///
/// - `date`: an RFC 3339 full-date, `2026-12-31`, with a real day of that month (leap years included).
/// - `date-time`: an RFC 3339 date-time with a time zone, `2026-12-31T23:59:59Z` or
///   `2026-12-31T23:59:59.5+01:00`. A leap second (`:60`) is accepted.
/// - `email`: a practical subset of RFC 5321 in ASCII: a dot-atom local part, `@`, and a host
///   name with at least one dot. Quoted local parts and IP address literals are rejected.
/// - `uri`: an absolute RFC 3986 URI: a scheme, `:`, then characters a URI may contain, with
///   well-formed `%XX` escapes. Relative references are rejected.
package enum StringFormat: String, Sendable, CaseIterable {
    case date
    case dateTime = "date-time"
    case email
    case uri

    /// Returns whether `text` is valid in this format.
    package func accepts(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .date: return FormatScanner.isDate(bytes[...])
        case .dateTime: return FormatScanner.isDateTime(bytes)
        case .email: return FormatScanner.isEmail(bytes)
        case .uri: return FormatScanner.isURI(bytes)
        }
    }

    /// An example of a valid value, for error messages.
    var example: String {
        switch self {
        case .date: "2026-12-31"
        case .dateTime: "2026-12-31T23:59:59Z"
        case .email: "billing@example.com"
        case .uri: "https://example.com/path"
        }
    }

    /// The format as a phrase for messages, such as "a date (YYYY-MM-DD)".
    var phrase: String {
        switch self {
        case .date: "a date (YYYY-MM-DD)"
        case .dateTime: "an RFC 3339 date-time with a time zone"
        case .email: "an email address"
        case .uri: "an absolute URI"
        }
    }
}

/// Byte-level checks behind ``StringFormat``; no regular expressions, so each check is exact.
enum FormatScanner {
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10,
            let year = number(bytes, 0, 4), bytes[bytes.startIndex + 4] == UInt8(ascii: "-"),
            let month = number(bytes, 5, 2), bytes[bytes.startIndex + 7] == UInt8(ascii: "-"),
            let day = number(bytes, 8, 2)
        else {
            return false
        }
        guard (1...12).contains(month), day >= 1 else {
            return false
        }
        return day <= daysIn(month: month, year: year)
    }

    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20, isDate(bytes[0..<10]) else {
            return false
        }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else {
            return false
        }
        let time = bytes[11...]
        guard let hour = number(time, 0, 2), time[time.startIndex + 2] == UInt8(ascii: ":"),
            let minute = number(time, 3, 2), time[time.startIndex + 5] == UInt8(ascii: ":"),
            let second = number(time, 6, 2), hour <= 23, minute <= 59, second <= 60
        else {
            return false
        }
        var rest = time.dropFirst(8)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let digits = rest.prefix(while: \.isDigit)
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
        }
        return isTimeOffset(rest)
    }

    private static func isTimeOffset(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.count == 1 {
            return bytes.first == UInt8(ascii: "Z") || bytes.first == UInt8(ascii: "z")
        }
        guard bytes.count == 6, bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-"),
            let hours = number(bytes, 1, 2), bytes[bytes.startIndex + 3] == UInt8(ascii: ":"),
            let minutes = number(bytes, 4, 2)
        else {
            return false
        }
        return hours <= 23 && minutes <= 59
    }

    static func isEmail(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else {
            return false
        }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), isDotAtom(local) else {
            return false
        }
        return isHostName(domain) && domain.contains(UInt8(ascii: "."))
    }

    private static func isDotAtom(_ bytes: ArraySlice<UInt8>) -> Bool {
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { $0.isLetterOrDigit || atomSymbols.contains($0) }
        }
    }

    private static let atomSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    private static func isHostName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard (1...253).contains(bytes.count) else {
            return false
        }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            (1...63).contains(label.count)
                && label.allSatisfy { $0.isLetterOrDigit || $0 == UInt8(ascii: "-") }
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
        }
    }

    static func isURI(_ bytes: [UInt8]) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, bytes[0].isLetter else {
            return false
        }
        let scheme = bytes[..<colon]
        guard scheme.allSatisfy({ $0.isLetterOrDigit || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else {
            return false
        }
        var index = colon + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit else {
                    return false
                }
                index += 3
                continue
            }
            guard byte.isLetterOrDigit || uriSymbols.contains(byte) else {
                return false
            }
            index += 1
        }
        return true
    }

    /// RFC 3986 unreserved, gen-delims and sub-delims characters, besides letters and digits.
    private static let uriSymbols = Set("-._~:/?#[]@!$&'()*+,;=".utf8)

    /// Reads the decimal number in `count` ASCII digits at `offset` of `bytes`, or returns nil when one is not a digit.
    private static func number(_ bytes: ArraySlice<UInt8>, _ offset: Int, _ count: Int) -> Int? {
        let start = bytes.startIndex + offset
        guard start + count <= bytes.endIndex else {
            return nil
        }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    fileprivate var isLetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
    }
    fileprivate var isLetterOrDigit: Bool { isDigit || isLetter }
    fileprivate var isHexDigit: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
}
