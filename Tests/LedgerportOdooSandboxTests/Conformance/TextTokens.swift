import Foundation

/// Ids, document numbers and random parts inside message texts, so that texts can be compared across databases.
///
/// Recognized: `model(12,)` recordset reprs, `(id 12)` in "The entry ... (id 12)",
/// `INV/2026/00001 (12)` in the reconciled-entry message, `__export__`
/// external ids, and document numbers (`INV/2026/00001`, `RINV/...`,
/// `PBNK1/...`, `S00001`).
struct TextTokens {
    enum Kind: Equatable {
        case id(String)
        case number
        case random
    }

    struct Token {
        let kind: Kind
        let range: Range<String.Index>
        let text: String
    }

    private static let patterns: [(NSRegularExpression, @Sendable (Int, String, [String]) -> Kind?)] = [
        (regex(#"\b([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\((\d+),\)"#), { group, _, captures in group == 2 ? .id(captures[1]) : nil }),
        (regex(#"\(id (\d+)\)"#), { group, callModel, _ in group == 1 ? .id(callModel) : nil }),
        (regex(#"/\d{5} \((\d+)\)"#), { group, _, _ in group == 1 ? .id("account.move") : nil }),
        (
            regex(#"__export__\.([a-z_]+?)_(\d+)_([0-9a-f]{8})"#),
            { group, _, captures in
                group == 2 ? .id(captures[1].replacingOccurrences(of: "_", with: ".")) : group == 3 ? .random : nil
            }
        ),
        (regex(#"\b((?:R?INV|BILL|MISC|EXCH|P?BNK1|P?CSH1)/\d{4}/\d{5}|S\d{5})\b"#), { group, _, _ in group == 1 ? .number : nil }),
    ]

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    /// Finds the tokens of `text` in order of position.
    static func find(in text: String, callModel: String) -> [Token] {
        var tokens: [Token] = []
        let whole = NSRange(text.startIndex..., in: text)
        for (expression, classify) in patterns {
            for match in expression.matches(in: text, range: whole) {
                let captures = (0..<match.numberOfRanges).map { index -> String in
                    Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
                }
                for group in 1..<match.numberOfRanges {
                    guard let kind = classify(group, callModel, captures), let range = Range(match.range(at: group), in: text) else { continue }
                    if tokens.contains(where: { $0.range.overlaps(range) }) { continue }
                    tokens.append(Token(kind: kind, range: range, text: String(text[range])))
                }
            }
        }
        return tokens.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
