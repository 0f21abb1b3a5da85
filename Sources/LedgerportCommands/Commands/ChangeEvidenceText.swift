import LedgerportSDK

/// The text lines that show a change request's evidence: the digest, the version in force and the content changes.
enum ChangeEvidenceText {
    /// The maximum length of a value shown in a content change; `--json` prints every value whole.
    static let maximumValueLength = 100

    /// Formats `evidence` as indented lines; a request proposed before content changes were recorded shows its digest only.
    static func lines(_ evidence: JSONValue) -> [String] {
        var lines: [String] = []
        if let digest = evidence["digest"]?.stringValue {
            lines.append("  digest:   \(digest)")
        }
        guard let changes = evidence["content_changes"]?.arrayValue else {
            return lines
        }
        let baseline: String
        if let active = evidence["active"], let version = active["version"]?.intValue {
            lines.append("  in force: version \(version), digest \(active["digest"]?.stringValue ?? "unknown")")
            baseline = "version \(version)"
        } else {
            lines.append("  in force: no version")
            baseline = "no version"
        }
        let omitted = evidence["content_changes_omitted"]?.intValue ?? 0
        lines.append("  content changes from \(baseline): \(changes.count + omitted)")
        for change in changes {
            lines.append("    " + describe(change))
        }
        if omitted > 0 {
            lines.append("    and \(omitted) more, not stored with the request; read both versions whole with `ledgerport mapping show`")
        }
        if let dryRun = evidence["dry_run"] {
            lines += dryRunLines(dryRun)
        }
        return lines
    }

    /// Formats the dry run over the tenant's newest events: the operation counts, the amounts per currency and the first changes.
    private static func dryRunLines(_ dryRun: JSONValue) -> [String] {
        if let problem = dryRun["problem"]?.stringValue {
            return ["  dry run:  \(problem)"]
        }
        let events = dryRun["events"]?.intValue ?? 0
        let read = dryRun["events_read"]?.intValue ?? events
        let unreadable = dryRun["events_unreadable"]?.intValue ?? 0
        let flows = (dryRun["flows"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
        let connections = (dryRun["connections"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
        var origin = ""
        if !flows.isEmpty {
            origin = " through \(flows)"
        } else if !connections.isEmpty {
            origin = " from \(connections)"
        }
        var lines = [
            "  dry run over the newest stored events: \(read) read" + origin
                + ", \(events) handled by the mapping" + (unreadable > 0 ? ", \(unreadable) the source connector could not translate" : "")
        ]
        let operations = dryRun["operations"] ?? .null
        if let total = operations.intValue {
            lines.append("    operations: \(total)")
        } else {
            let counts = ["added", "removed", "changed", "unchanged"].map { "\(operations[$0]?.intValue ?? 0) \($0)" }
            lines.append("    operations: " + counts.joined(separator: ", "))
        }
        for amount in dryRun["amounts"]?.arrayValue ?? [] {
            let currency = amount["currency"]?.stringValue ?? "?"
            let to = amount["to"]?["decimal"]?.stringValue ?? "?"
            if let from = amount["from"]?["decimal"]?.stringValue {
                lines.append("    amounts \(currency): \(from) -> \(to)")
            } else {
                lines.append("    amounts \(currency): \(to)")
            }
        }
        for change in dryRun["changes"]?.arrayValue ?? [] {
            let operation = [change["change"], change["action"], change["model"], change["external_id"]].compactMap { $0?.stringValue }.joined(separator: " ")
            lines.append("    \(change["event_id"]?.stringValue ?? "?"): \(operation)")
            for field in change["fields"]?.arrayValue ?? [] {
                lines.append("      \(field["path"]?.stringValue ?? "?"): \(sent(field["from"])) -> \(sent(field["to"]))")
            }
        }
        return lines
    }

    /// Writes a field's value on one side of a change, or `(not sent)` when that side leaves the field out.
    private static func sent(_ value: JSONValue?) -> String {
        value.map(shortened) ?? "(not sent)"
    }

    /// Describes one change as `changed /path: old -> new`.
    private static func describe(_ change: JSONValue) -> String {
        let kind = change["change"]?.stringValue ?? "changed"
        let path = change["path"]?.stringValue ?? ""
        let label = kind.padding(toLength: 7, withPad: " ", startingAt: 0)
        switch (change["from"], change["to"]) {
        case (.string(let from)?, .string(let to)?):
            let (old, new) = differingParts(JSONWriter.string(.string(from)), JSONWriter.string(.string(to)))
            return "\(label) \(path): \(old) -> \(new)"
        case (let from?, let to?): return "\(label) \(path): \(shortened(from)) -> \(shortened(to))"
        case (let from?, nil): return "\(label) \(path): \(shortened(from))"
        case (nil, let to?): return "\(label) \(path): \(shortened(to))"
        case (nil, nil): return "\(label) \(path)"
        }
    }

    /// Cuts two long texts to where they start to differ, so that the shown parts are not the same prefix.
    ///
    /// Each keeps ``contextLength`` characters before the first difference, marked by an ellipsis when cut there,
    /// and is cut to ``maximumValueLength`` characters after that point.
    private static func differingParts(_ old: String, _ new: String) -> (String, String) {
        guard old.count > maximumValueLength || new.count > maximumValueLength else {
            return (old, new)
        }
        let common = zip(old, new).prefix { $0 == $1 }.count
        let start = max(0, common - contextLength)
        func part(_ text: String) -> String {
            let tail = text.dropFirst(start)
            let kept = String(tail.prefix(maximumValueLength))
            return (start > 0 ? "…" : "") + kept + (tail.count > maximumValueLength ? "…" : "")
        }
        return (part(old), part(new))
    }

    /// The characters shown before the first difference of two long texts.
    static let contextLength = 20

    /// Writes `value` as compact JSON, cut to ``maximumValueLength`` characters with an ellipsis.
    private static func shortened(_ value: JSONValue) -> String {
        let text = JSONWriter.string(value)
        guard text.count > maximumValueLength else { return text }
        return String(text.prefix(maximumValueLength)) + "…"
    }
}
