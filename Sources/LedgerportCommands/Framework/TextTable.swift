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
    /// failed and the end gives the cause. Both stay, and a third of the room
    /// goes to the start. Text that fits is returned unchanged.
    static func elide(_ text: String, maximumLength: Int) -> String {
        precondition(maximumLength >= 3, "an elided cell needs room for both ends and the ellipsis")
        guard text.count > maximumLength else {
            return text
        }
        let visible = maximumLength - 1
        let head = visible / 3
        return String(text.prefix(head)) + "…" + String(text.suffix(visible - head))
    }
}
