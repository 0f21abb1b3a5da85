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

    /// Shortens `text` to at most `maximumLength` characters by replacing its middle with "…".
    ///
    /// Messages read `<operation> <object>: <cause>`, so the start names what
    /// failed and the end gives the cause. Both stay. The start keeps the
    /// whole `<operation> <object>:` when that takes at most two thirds of the
    /// room, so the record stays readable. Otherwise it gets a third of it.
    /// Text that fits is returned unchanged.
    static func elide(_ text: String, maximumLength: Int) -> String {
        precondition(maximumLength >= 3, "an elided cell needs room for both ends and the ellipsis")
        guard text.count > maximumLength else {
            return text
        }
        let visible = maximumLength - 1
        var head = visible / 3
        if let separator = text.range(of: ": ") {
            let subject = text.distance(from: text.startIndex, to: separator.lowerBound) + 1
            if subject <= visible * 2 / 3 {
                head = max(head, subject)
            }
        }
        return String(text.prefix(head)) + "…" + String(text.suffix(visible - head))
    }
}
