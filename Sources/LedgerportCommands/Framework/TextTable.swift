/// Lays out rows of text in left-aligned columns separated by two spaces, for listings.
enum TextTable {
    /// Returns one line per row; the last column is not padded.
    static func lines(_ rows: [[String]]) -> [String] {
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
    }

    /// Shortens `text` to at most `maximumLength` characters, keeping what failed and why.
    ///
    /// Messages read `<operation> <object>: <cause>; <hint>`. The hint goes
    /// first, since `show` prints it whole: a shortened cell ends with "…"
    /// after the cause. When the rest is still too long, its middle gives way
    /// to "…", so the start names what failed and the end of the cause, which
    /// usually contains the value at fault, stays. The start keeps the whole
    /// `<operation> <object>:` when that takes at most two thirds of the
    /// room, and otherwise a third of it. Text that fits is returned unchanged.
    static func elide(_ text: String, maximumLength: Int) -> String {
        precondition(maximumLength >= 3, "an elided cell needs room for both ends and the ellipsis")
        guard text.count > maximumLength else {
            return text
        }
        guard let separator = text.range(of: ": "), let hint = text.range(of: "; ", range: separator.upperBound..<text.endIndex) else {
            return elideMiddle(text, room: maximumLength - 1)
        }
        let core = String(text[..<hint.lowerBound])
        let room = maximumLength - 1
        if core.count + 2 <= room {
            // The whole cause fits, with the start of the hint.
            return String(text.prefix(room)) + "…"
        }
        return elideMiddle(core, room: room - 1) + "…"
    }

    /// Replaces the middle of `text` with "…" so that it takes at most `room` + 1 characters.
    private static func elideMiddle(_ text: String, room: Int) -> String {
        guard text.count > room + 1 else {
            return text
        }
        var head = room / 3
        if let separator = text.range(of: ": ") {
            let subject = text.distance(from: text.startIndex, to: separator.lowerBound) + 1
            if subject <= room * 2 / 3 {
                head = max(head, subject)
            }
        }
        return String(text.prefix(head)) + "…" + String(text.suffix(room - head))
    }
}
