import Foundation
import LedgerportSDK

/// Turns one canonical event into the target operations a mapping prescribes.
///
/// Evaluation is a pure function of the mapping, the event and the
/// ``EvaluationContext``: it performs no I/O, reads no clock and uses no
/// randomness, so a dry run shows exactly what a delivery will send, and
/// replaying an event under the same mapping version sends the same operations.
package enum MappingEvaluator {
    /// Evaluates `mapping` for an event built with the SDK types.
    ///
    /// The event is encoded to its JSON form first, in which an optional field
    /// that is nil is missing. Use ``evaluate(_:eventDocument:context:)`` to keep
    /// an explicit null from a recorded event file.
    package static func evaluate(_ mapping: Mapping, event: CanonicalEvent, context: EvaluationContext) throws(MappingEvaluationError) -> [TargetOperation] {
        let document: JSONValue
        do {
            document = try event.jsonValue()
        } catch {
            throw MappingEvaluationError(.invalidEvent, mapping: mapping.identity, pointer: .root, message: "event \"\(event.id)\" cannot be encoded: \(error)", hint: "check the source connector that built it")
        }
        try checkHandled(mapping, document: document)
        return try run(mapping, document: document, context: context)
    }

    /// Evaluates `mapping` for an event document as written.
    ///
    /// The document is checked against the object's canonical schema first,
    /// unless `checkingSchema` is false: pass false only for documents that
    /// ``JSONValueEncoder`` wrote from a ``CanonicalEvent``, such as events the
    /// store kept, because the check costs more than the evaluation.
    package static func evaluate(
        _ mapping: Mapping, eventDocument: JSONValue, context: EvaluationContext, checkingSchema: Bool = true
    ) throws(MappingEvaluationError) -> [TargetOperation] {
        try checkHandled(mapping, document: eventDocument)
        guard checkingSchema else {
            return try run(mapping, document: eventDocument, context: context)
        }
        let violations = mapping.source.schema.violations(of: eventDocument["object"] ?? .null, at: JSONPointer(tokens: ["object"]))
        if let first = violations.first {
            let type = "\(mapping.source.objectType.rawValue) v\(mapping.source.schemaVersion)"
            throw MappingEvaluationError(
                .invalidEvent, mapping: mapping.identity, pointer: .root,
                message: "event \(eventDocument["id"] ?? .null) does not match the canonical \(type) schema at \(first)",
                hint: "fix the event or translate it again with its source connector"
            )
        }
        return try run(mapping, document: eventDocument, context: context)
    }

    private static func run(_ mapping: Mapping, document: JSONValue, context: EvaluationContext) throws(MappingEvaluationError) -> [TargetOperation] {
        let evaluation = Evaluation(mapping: mapping, event: document, context: context)
        var operations = [TargetOperation]()
        for template in mapping.operations {
            operations += try evaluation.operations(for: template)
        }
        return operations
    }

    private static func checkHandled(_ mapping: Mapping, document: JSONValue) throws(MappingEvaluationError) {
        let type = document["type"]?.stringValue ?? ""
        let objectType = document["object_type"]?.stringValue ?? ""
        let version = document["object_schema_version"]?.intValue ?? 0
        let source = mapping.source
        guard objectType == source.objectType.rawValue, version == source.schemaVersion else {
            throw MappingEvaluationError(
                .eventNotHandled, mapping: mapping.identity, pointer: JSONPointer(tokens: ["source"]),
                message: "the event carries \(objectType) v\(version) but the mapping reads \(source.objectType.rawValue) v\(source.schemaVersion)",
                hint: "route the event to a mapping for its object type and schema version"
            )
        }
        guard source.eventTypes.contains(CanonicalEventType(rawValue: type)) else {
            throw MappingEvaluationError(
                .eventNotHandled, mapping: mapping.identity, pointer: JSONPointer(tokens: ["source", "event_types"]),
                message: "event type \"\(type)\" is not one the mapping handles (\(source.eventTypes.map(\.rawValue).joined(separator: ", ")))",
                hint: "add the type to source.event_types in a new mapping version, or route the event elsewhere"
            )
        }
    }
}

/// The state of one evaluation: the event, the context and the variables in scope.
struct Evaluation {
    let mapping: Mapping
    let event: JSONValue
    let context: EvaluationContext
    /// The event's `object` member, which most paths start from, looked up once per evaluation.
    let object: JSONValue

    init(mapping: Mapping, event: JSONValue, context: EvaluationContext) {
        self.mapping = mapping
        self.event = event
        self.context = context
        self.object = event["object"] ?? .null
    }

    /// Builds an error at `pointer` with the mapping's identity.
    func failure(_ code: MappingEvaluationError.Code, at pointer: JSONPointer, _ message: String, hint: String) -> MappingEvaluationError {
        MappingEvaluationError(code, mapping: mapping.identity, pointer: pointer, message: message, hint: hint)
    }

    /// Evaluates one template into its operations: none when its condition fails, one per kept element when it iterates.
    func operations(for template: OperationTemplate) throws(MappingEvaluationError) -> [TargetOperation] {
        guard let iteration = template.iteration else {
            return try operation(for: template, bindings: [:]).map { [$0] } ?? []
        }
        var operations = [TargetOperation]()
        for bindings in try elementBindings(iteration, bindings: [:]) {
            if let operation = try operation(for: template, bindings: bindings) {
                operations.append(operation)
            }
        }
        return operations
    }

    private func operation(for template: OperationTemplate, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> TargetOperation? {
        if let condition = template.condition, try !isTrue(condition, bindings: bindings) {
            return nil
        }
        let externalID = try value(of: template.externalID, bindings: bindings)
        guard let id = externalID.stringValue, ExternalID.isValid(id) else {
            throw failure(.invalidExternalID, at: template.externalID.pointer, "external id \(externalID.summary) is not lowercase letters, digits and underscores",
                hint: "build it with {\"external_id\": [...]}, which normalises its parts")
        }
        var values = [String: TargetValue](minimumCapacity: template.values.count)
        for (name, expression, kind) in template.sortedValues {
            let result = try value(of: expression, bindings: bindings)
            if let shaped = TargetValueShaper.shape(result, as: kind) {
                values[name] = shaped
            }
        }
        var expectations = [AmountExpectation]()
        for expectation in template.expectations {
            switch try value(of: expectation.amount, bindings: bindings) {
            case .absent: continue
            case .money(let amount): expectations.append(AmountExpectation(field: expectation.field, expected: amount))
            case let other:
                throw failure(.invalidValue, at: expectation.amount.pointer, "the expected \(expectation.field) is \(other.summary), not money", hint: "give the expectation an amount")
            }
        }
        return TargetOperation(action: template.action, model: template.model, externalID: id, values: values, expectations: expectations)
    }

    /// Evaluates a condition. A condition that gives no value or null does not hold.
    func isTrue(_ condition: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> Bool {
        switch try value(of: condition, bindings: bindings) {
        case .json(.bool(let flag)): return flag
        case .absent, .json(.null): return false
        case let other:
            throw failure(.invalidValue, at: condition.pointer, "the condition gives \(other.summary), not true or false", hint: "compare the value with eq or test it with is_present")
        }
    }

    /// Binds the iteration's variables for each element it keeps.
    func elementBindings(_ iteration: Iteration, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> [[String: RuntimeValue]] {
        let list = try value(of: iteration.over, bindings: bindings)
        if list.isAbsent { return [] }
        guard let elements = list.listValue else {
            throw failure(.invalidValue, at: iteration.over.pointer, "the value to iterate is \(list.summary), not a list", hint: "iterate over a list field such as object.lines")
        }
        var result = [[String: RuntimeValue]]()
        for (index, element) in elements.enumerated() {
            var inner = bindings
            inner[iteration.variable] = element
            if let indexVariable = iteration.indexVariable {
                inner[indexVariable] = .json(.number(JSONNumber(index)))
            }
            if let filter = iteration.filter, try !isTrue(filter, bindings: inner) {
                continue
            }
            result.append(inner)
        }
        return result
    }
}
