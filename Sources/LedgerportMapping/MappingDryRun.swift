import LedgerportCore
import LedgerportSDK

/// The operations a mapping would send to the target for a set of recorded events, without sending anything.
package struct DryRunReport: Sendable {
    /// `name@version` of the mapping run.
    package var mapping: String
    /// The digest of the mapping run.
    package var digest: MappingDigest
    /// One result per event, in event order.
    package var results: [DryRunResult]

    /// Whether any event failed to evaluate or produced an operation the target spec rejects.
    package var hasFailures: Bool {
        results.contains { result in
            if case .failed = result.outcome { return true }
            return !result.problems.isEmpty
        }
    }
}

/// The outcome of one event in a dry run.
package struct DryRunResult: Sendable {
    /// The result of evaluating one event.
    package enum Outcome: Sendable {
        /// The operations the mapping produces, possibly none when its conditions exclude the event.
        case operations([TargetOperation])
        /// The mapping does not handle this event type or object.
        case notHandled(String)
        /// Evaluation failed; a delivery would be parked with this error.
        case failed(MappingEvaluationError)
    }

    /// The event id.
    package var eventID: String
    /// The canonical event type.
    package var eventType: String
    /// The file the event came from.
    package var origin: String
    /// The operations, or why there are none.
    package var outcome: Outcome
    /// The problems the target spec finds in the operations, such as a value of the wrong kind from a lookup.
    package var problems: [String] = []

    /// The operations, or none when the event was not handled or failed.
    package var operations: [TargetOperation] {
        if case .operations(let operations) = outcome { return operations }
        return []
    }
}

/// Runs mappings over recorded events.
package enum MappingDryRun {
    /// Evaluates `mapping` for every event; an event's failure is reported with it and does not stop the others.
    ///
    /// With a `checker`, every operation is also checked against the target spec,
    /// which catches what validation cannot see, such as a lookup override of the wrong kind.
    package static func run(_ mapping: Mapping, events: [EventDocument], context: EvaluationContext, checker: OperationChecker? = nil) -> DryRunReport {
        let results = events.map { document -> DryRunResult in
            let outcome: DryRunResult.Outcome
            do throws(MappingEvaluationError) {
                outcome = .operations(try MappingEvaluator.evaluate(mapping, eventDocument: document.json, context: context))
            } catch {
                outcome = error.code == .eventNotHandled ? .notHandled(error.message) : .failed(error)
            }
            var result = DryRunResult(eventID: document.eventID, eventType: document.eventType, origin: document.origin, outcome: outcome)
            if let checker {
                result.problems = problems(of: result.operations, checker: checker)
            }
            return result
        }
        return DryRunReport(mapping: mapping.identity, digest: mapping.digest, results: results)
    }

    private static func problems(of operations: [TargetOperation], checker: OperationChecker) -> [String] {
        operations.enumerated().flatMap { index, operation in
            checker.check(operation).map { "operation \(index + 1) (\(operation.action) \(operation.model) \(operation.externalID)): \($0.description)" }
        }
    }
}
