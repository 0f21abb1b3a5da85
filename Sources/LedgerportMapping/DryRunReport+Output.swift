import LedgerportSDK

extension DryRunReport {
    /// The report as text for a terminal: each event, its operations with their fields, and a summary line.
    package var text: String {
        var lines = ["mapping \(mapping) \(digest)"]
        for result in results {
            let header = "event \(result.eventID) \(result.eventType) (\(result.origin))"
            switch result.outcome {
            case .operations(let operations):
                lines.append(operations.isEmpty ? header + ": no operations" : header)
                for (index, operation) in operations.enumerated() {
                    lines += Self.describe(operation, number: index + 1)
                }
            case .notHandled(let reason):
                lines.append(header + ": not handled: " + reason)
            case .failed(let error):
                lines.append(header + ": failed: " + error.description)
            }
            lines += result.problems.map { "  rejected by the target spec: \($0)" }
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `3 events: 5 operations, 1 not handled, 0 failed`, plus the operations the target spec rejects when there are any.
    package var summary: String {
        let operations = results.reduce(0) { $0 + $1.operations.count }
        let notHandled = results.filter { if case .notHandled = $0.outcome { true } else { false } }.count
        let failed = results.filter { if case .failed = $0.outcome { true } else { false } }.count
        let rejected = results.reduce(0) { $0 + $1.problems.count }
        let text = "\(Self.count(results.count, "event")): \(Self.count(operations, "operation")), \(notHandled) not handled, \(failed) failed"
        return rejected == 0 ? text : text + ", \(rejected) rejected by the target spec"
    }

    /// `1 event`, `2 events`.
    static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// The report as JSON: `{"mapping", "digest", "events": [{"event_id", "event_type", "origin", "status", "problems", "operations" | "reason" | "error"}]}`.
    package var json: JSONValue {
        .object([
            "mapping": .string(mapping),
            "digest": .string(digest.description),
            "events": .array(results.map(Self.json)),
        ])
    }

    private static func json(_ result: DryRunResult) -> JSONValue {
        var members: JSONObject = [
            "event_id": .string(result.eventID), "event_type": .string(result.eventType), "origin": .string(result.origin),
            "problems": .array(result.problems.map(JSONValue.string)),
        ]
        switch result.outcome {
        case .operations(let operations):
            members["status"] = "evaluated"
            // JSONValueEncoder throws only for values it cannot represent; an operation holds strings, JSON, money and decimals.
            members["operations"] = .array(operations.compactMap { try? JSONValueEncoder().encode($0) })
        case .notHandled(let reason):
            members["status"] = "not_handled"
            members["reason"] = .string(reason)
        case .failed(let error):
            members["status"] = "failed"
            members["error"] = [
                "code": .string(error.code.rawValue), "failure_class": .string(error.failureClass.rawValue),
                "pointer": .string(error.pointer.description), "message": .string(error.message), "hint": .string(error.hint),
            ]
        }
        return .object(members)
    }

    /// Renders one operation as lines: its header, one line per field (one per element for lists of records), and its expectations.
    package static func describe(_ operation: TargetOperation, number: Int) -> [String] {
        var lines = ["  \(number). \(operation.action) \(operation.model) \(operation.externalID)"]
        for name in operation.values.keys.sorted() {
            let value = operation.values[name]!
            if case .list(let elements) = value, elements.contains(where: { if case .record = $0 { true } else { false } }) {
                for (index, element) in elements.enumerated() {
                    lines.append("       \(name)[\(index)] = \(element.displayText)")
                }
            } else {
                lines.append("       \(name) = \(value.displayText)")
            }
        }
        for expectation in operation.expectations {
            lines.append("       expect \(expectation.field) = \(expectation.expected.displayText)")
        }
        return lines
    }
}
