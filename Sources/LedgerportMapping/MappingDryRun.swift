import LedgerportSDK

/// What a mapping would send to the target for a set of recorded events, without sending anything.
package struct DryRunReport: Sendable {
    package var mapping: String
    package var digest: MappingDigest
    package var results: [DryRunResult]

    /// Whether any event failed to evaluate.
    package var hasFailures: Bool {
        results.contains { if case .failed = $0.outcome { true } else { false } }
    }
}

/// The outcome of one event in a dry run.
package struct DryRunResult: Sendable {
    package enum Outcome: Sendable {
        /// The operations the mapping produces, possibly none when its conditions exclude the event.
        case operations([TargetOperation])
        /// The mapping does not handle this event type or object.
        case notHandled(String)
        /// Evaluation failed; a delivery would be parked with this error.
        case failed(MappingEvaluationError)
    }

    package var eventID: String
    package var eventType: String
    package var origin: String
    package var outcome: Outcome

    /// The operations, or none when the event was not handled or failed.
    package var operations: [TargetOperation] {
        if case .operations(let operations) = outcome { return operations }
        return []
    }
}

/// Runs mappings over recorded events.
package enum MappingDryRun {
    /// Evaluates `mapping` for every event; an event's failure is reported with it and does not stop the others.
    package static func run(_ mapping: Mapping, events: [EventDocument], context: EvaluationContext) -> DryRunReport {
        let results = events.map { document -> DryRunResult in
            let outcome: DryRunResult.Outcome
            do throws(MappingEvaluationError) {
                outcome = .operations(try MappingEvaluator.evaluate(mapping, eventDocument: document.json, context: context))
            } catch {
                outcome = error.code == .eventNotHandled ? .notHandled(error.message) : .failed(error)
            }
            return DryRunResult(eventID: document.eventID, eventType: document.eventType, origin: document.origin, outcome: outcome)
        }
        return DryRunReport(mapping: mapping.identity, digest: mapping.digest, results: results)
    }
}
