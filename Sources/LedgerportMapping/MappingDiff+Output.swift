import LedgerportSDK

extension MappingDiff {
    /// The diff as text: changed operations per event with their fields, amounts per currency, and a summary.
    package var text: String {
        var lines = ["diff \(from.name) \(from.version) (\(from.digest)) -> \(to.name) \(to.version) (\(to.digest))"]
        if contentChangedWithoutNewVersion {
            lines.append("warning: the content changed but the version did not; publishing it would be rejected, so raise the version")
        }
        for event in events where !event.changes.isEmpty || event.fromProblem != event.toProblem {
            lines.append("event \(event.eventID) \(event.eventType) (\(event.origin))")
            if event.fromProblem != event.toProblem {
                lines.append("  before: \(event.fromProblem ?? "evaluated")")
                lines.append("  after:  \(event.toProblem ?? "evaluated")")
            }
            for change in event.changes {
                let symbol = switch change.kind {
                case .added: "+"
                case .removed: "-"
                case .changed: "~"
                }
                lines.append("  \(symbol) \(change.action) \(change.model) \(change.externalID)")
                for field in change.fields {
                    lines.append("      \(field.path): \(field.from?.displayText ?? "(not sent)") -> \(field.to?.displayText ?? "(not sent)")")
                }
            }
        }
        lines.append("amounts per currency (document totals, else money values):")
        for amount in amounts {
            let delta = (try? amount.to - amount.from)?.displayText ?? "overflow"
            lines.append("  \(amount.currency): \(amount.from.displayText) -> \(amount.to.displayText) (change \(delta))")
        }
        let counts = counts
        let operations = counts.added + counts.removed + counts.changed + counts.unchanged
        lines.append(
            "\(DryRunReport.count(events.count, "event")), \(DryRunReport.count(operations, "operation")): "
                + "\(counts.added) added, \(counts.removed) removed, \(counts.changed) changed, \(counts.unchanged) unchanged")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diff as JSON, with amounts in minor units per currency.
    package var json: JSONValue {
        let counts = counts
        return .object([
            "from": Self.json(from),
            "to": Self.json(to),
            "content_changed_without_new_version": .bool(contentChangedWithoutNewVersion),
            "events": .array(events.map(Self.json)),
            "amounts": .array(amounts.map { amount in
                [
                    "currency": .string(amount.currency.rawValue),
                    "from_minor_units": .number(JSONNumber(amount.from.minorUnits)),
                    "to_minor_units": .number(JSONNumber(amount.to.minorUnits)),
                ]
            }),
            "summary": [
                "added": .number(JSONNumber(counts.added)), "removed": .number(JSONNumber(counts.removed)),
                "changed": .number(JSONNumber(counts.changed)), "unchanged": .number(JSONNumber(counts.unchanged)),
            ],
        ])
    }

    /// Renders a field change as JSON. A side where the field is not sent has no member, which keeps it apart from a null value.
    private static func json(_ field: FieldChange) -> JSONValue {
        var members: JSONObject = ["path": .string(field.path)]
        members["from"] = field.from
        members["to"] = field.to
        return .object(members)
    }

    private static func json(_ side: Side) -> JSONValue {
        ["name": .string(side.name), "version": .string(side.version.description), "digest": .string(side.digest.description)]
    }

    private static func json(_ event: EventDiff) -> JSONValue {
        var members: JSONObject = [
            "event_id": .string(event.eventID), "event_type": .string(event.eventType), "origin": .string(event.origin),
            "unchanged": .number(JSONNumber(event.unchanged)),
            "changes": .array(event.changes.map { change in
                .object([
                    "kind": .string(change.kind.rawValue), "action": .string(change.action.rawValue), "model": .string(change.model),
                    "external_id": .string(change.externalID),
                    "fields": .array(change.fields.map(Self.json)),
                ])
            }),
        ]
        if let problem = event.fromProblem { members["from_problem"] = .string(problem) }
        if let problem = event.toProblem { members["to_problem"] = .string(problem) }
        return .object(members)
    }
}
