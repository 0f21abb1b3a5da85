import LedgerportSDK

/// The change in the operations for a set of events between two mapping versions.
///
/// A governance board reviews a mapping change with this: which operations
/// appear, disappear or change, field by field, and how the amounts sent to
/// the target move per currency.
package struct MappingDiff: Sendable {
    /// One of the two mappings compared.
    package struct Side: Sendable {
        /// The mapping name.
        package var name: String
        /// The mapping version.
        package var version: SemanticVersion
        /// The digest of the mapping document.
        package var digest: MappingDigest
    }

    /// The mapping in force.
    package var from: Side
    /// The proposed mapping.
    package var to: Side
    /// The differences per event, in event order.
    package var events: [EventDiff]
    /// Per currency, the sum of the operations' amounts under each version, each target record counted once (see ``Swift/Array/amountsPerRecord``).
    package var amounts: [CurrencyAmountChange]

    /// Whether the two documents share a name and version but differ in content, which publishing rejects.
    package var contentChangedWithoutNewVersion: Bool {
        from.name == to.name && from.version == to.version && from.digest != to.digest
    }

    /// The number of operations added, removed, changed and unchanged across all events.
    package var counts: (added: Int, removed: Int, changed: Int, unchanged: Int) {
        var counts = (added: 0, removed: 0, changed: 0, unchanged: 0)
        for event in events {
            counts.unchanged += event.unchanged
            for change in event.changes {
                switch change.kind {
                case .added: counts.added += 1
                case .removed: counts.removed += 1
                case .changed: counts.changed += 1
                }
            }
        }
        return counts
    }
}

/// The differences for one event.
package struct EventDiff: Sendable {
    /// The event id.
    package var eventID: String
    /// The canonical event type.
    package var eventType: String
    /// The file the event came from.
    package var origin: String
    /// The operations that differ.
    package var changes: [OperationChange]
    /// The number of operations both versions produce identically.
    package var unchanged: Int
    /// The reason the event did not evaluate under the old version, when it did not.
    package var fromProblem: String?
    /// The reason the event does not evaluate under the new version, when it does not.
    package var toProblem: String?
}

/// One operation that differs between the versions.
package struct OperationChange: Sendable {
    /// Whether the operation appears, disappears or changes.
    package enum Kind: String, Sendable {
        case added, removed, changed
    }

    /// Whether the operation was added, removed or changed.
    package var kind: Kind
    /// The operation's action.
    package var action: TargetAction
    /// The operation's model.
    package var model: String
    /// The operation's external id.
    package var externalID: String
    /// For a changed operation, each differing field.
    package var fields: [FieldChange]
}

/// A field whose value differs; nil on one side means the field is not sent there.
package struct FieldChange: Sendable, Hashable {
    /// The field's place in the operation, such as `values/lines/0/price_unit` or `expectations/amount_total`.
    package var path: String
    /// The value under the old version.
    package var from: JSONValue?
    /// The value under the new version.
    package var to: JSONValue?
}

/// The total of the amounts in one currency under each version.
package struct CurrencyAmountChange: Sendable, Hashable {
    /// The currency.
    package var currency: CurrencyCode
    /// The total under the old version.
    package var from: Money
    /// The total under the new version.
    package var to: Money
}

extension MappingDiff {
    /// Evaluates both mappings for every event and compares the results.
    package static func compute(from old: Mapping, to new: Mapping, events: [EventDocument], context: EvaluationContext) throws(MoneyError) -> MappingDiff {
        let before = MappingDryRun.run(old, events: events, context: context)
        let after = MappingDryRun.run(new, events: events, context: context)
        var eventDiffs = [EventDiff]()
        var totals = [CurrencyCode: (from: Money, to: Money)]()
        for (left, right) in zip(before.results, after.results) {
            eventDiffs.append(compare(left, right))
        }
        for amount in before.results.flatMap(\.operations).amountsPerRecord {
            let entry = totals[amount.currency] ?? (.zero(amount.currency), .zero(amount.currency))
            totals[amount.currency] = (try entry.from + amount, entry.to)
        }
        for amount in after.results.flatMap(\.operations).amountsPerRecord {
            let entry = totals[amount.currency] ?? (.zero(amount.currency), .zero(amount.currency))
            totals[amount.currency] = (entry.from, try entry.to + amount)
        }
        let amounts = totals.keys.sorted().map { CurrencyAmountChange(currency: $0, from: totals[$0]!.from, to: totals[$0]!.to) }
        return MappingDiff(from: Side(old), to: Side(new), events: eventDiffs, amounts: amounts)
    }

    private static func compare(_ left: DryRunResult, _ right: DryRunResult) -> EventDiff {
        let old = keyed(left.operations)
        let new = keyed(right.operations)
        var changes = [OperationChange]()
        var unchanged = 0
        for (key, operation) in old where new[key] == nil {
            changes.append(OperationChange(kind: .removed, action: operation.action, model: operation.model, externalID: operation.externalID, fields: []))
        }
        for (key, operation) in new {
            guard let previous = old[key] else {
                changes.append(OperationChange(kind: .added, action: operation.action, model: operation.model, externalID: operation.externalID, fields: []))
                continue
            }
            let fields = fieldChanges(previous, operation)
            if fields.isEmpty {
                unchanged += 1
            } else {
                changes.append(OperationChange(kind: .changed, action: operation.action, model: operation.model, externalID: operation.externalID, fields: fields))
            }
        }
        changes.sort { ($0.externalID, $0.action.rawValue, $0.kind.rawValue) < ($1.externalID, $1.action.rawValue, $1.kind.rawValue) }
        return EventDiff(
            eventID: right.eventID, eventType: right.eventType, origin: right.origin, changes: changes, unchanged: unchanged,
            fromProblem: problem(left), toProblem: problem(right)
        )
    }

    /// Operations by action, model and external id; a repeated key gets its occurrence number.
    private static func keyed(_ operations: [TargetOperation]) -> [String: TargetOperation] {
        var result = [String: TargetOperation]()
        for operation in operations {
            let base = "\(operation.action) \(operation.model) \(operation.externalID)"
            var key = base
            var occurrence = 1
            while result[key] != nil {
                occurrence += 1
                key = "\(base) #\(occurrence)"
            }
            result[key] = operation
        }
        return result
    }

    private static func fieldChanges(_ old: TargetOperation, _ new: TargetOperation) -> [FieldChange] {
        let before = flattened(old)
        let after = flattened(new)
        return Set(before.keys).union(after.keys).sorted().compactMap { path in
            before[path] == after[path] ? nil : FieldChange(path: path, from: before[path], to: after[path])
        }
    }

    /// Flattens the operation's values and expectations into leaf paths, with tagged values (`$money`, `$ref`, ...) kept whole.
    private static func flattened(_ operation: TargetOperation) -> JSONObject {
        var leaves = JSONObject()
        for (name, value) in operation.values {
            flatten(value.json, at: "values/\(name)", into: &leaves)
        }
        for expectation in operation.expectations {
            leaves["expectations/\(expectation.field)"] = TargetValue.money(expectation.expected).json
        }
        return leaves
    }

    private static func flatten(_ value: JSONValue, at path: String, into leaves: inout JSONObject) {
        switch value {
        case .object(let members) where !(members.count == 1 && members.keys.first!.hasPrefix("$")):
            for (key, member) in members {
                flatten(member, at: "\(path)/\(key)", into: &leaves)
            }
        case .array(let elements) where !elements.isEmpty:
            for (index, element) in elements.enumerated() {
                flatten(element, at: "\(path)/\(index)", into: &leaves)
            }
        default:
            leaves[path] = value
        }
    }

    private static func problem(_ result: DryRunResult) -> String? {
        switch result.outcome {
        case .operations: nil
        case .notHandled(let reason): "not handled: \(reason)"
        case .failed(let error): error.description
        }
    }
}

extension MappingDiff.Side {
    init(_ mapping: Mapping) {
        self.init(name: mapping.name, version: mapping.version, digest: mapping.digest)
    }
}

extension TargetOperation {
    /// The amounts the operation moves, as the totals per currency count them.
    ///
    /// An operation that expects a document total (`amount_total`, as
    /// invoices, credit notes and sales orders do) counts that total alone,
    /// because its lines and its tax (`amount_tax`) are parts of it. Any
    /// other operation counts its money values and expected amounts, such as
    /// a payment's amount.
    package var amounts: [Money] {
        if let total = expectations.first(where: { $0.field == "amount_total" }) {
            return [total.expected]
        }
        return values.keys.sorted().flatMap { values[$0]!.moneyValues } + expectations.map(\.expected)
    }
}

extension Array where Element == TargetOperation {
    /// The amounts of the operations, counting each target record once with the amounts of its last operation that has any.
    ///
    /// Several events of one invoice (created, finalized, paid) each upsert
    /// the same record, which Odoo keeps once, so its total counts once.
    /// The operations come in event order, oldest first, so the last one
    /// carries the record's newest amounts.
    package var amountsPerRecord: [Money] {
        var latest: [TargetReference: [Money]] = [:]
        var order: [TargetReference] = []
        for operation in self {
            let amounts = operation.amounts
            guard !amounts.isEmpty else {
                continue
            }
            if latest[operation.reference] == nil {
                order.append(operation.reference)
            }
            latest[operation.reference] = amounts
        }
        return order.flatMap { latest[$0] ?? [] }
    }
}
