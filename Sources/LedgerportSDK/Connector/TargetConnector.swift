/// A connector that writes ``TargetOperation``s into a system, exactly once.
///
/// After configuration (see ``Connector``), the runtime calls, for each delivery:
/// 1. ``plan(_:)``: pure and synchronous. It checks every operation against
///    what the target supports (model, action, required values) and groups
///    consecutive operations into batches the target can take in one call.
///    Order is kept: a batch never holds an operation that depends on a later one.
///    An unsupported operation throws ``FailureClass/business`` or
///    ``FailureClass/configuration``; nothing has been written yet.
/// 2. ``apply(_:)`` for each batch in order. It must be idempotent per
///    operation: it finds an existing record by external id and updates it,
///    or leaves it when the operation was already applied (a payment already
///    registered, a document already posted). It reads back the amounts of
///    each ``AmountExpectation`` and reports a mismatch as a business failure.
///    It returns one ``OperationOutcome`` per operation; when a whole-batch call
///    fails, it splits the batch so good operations still succeed.
///    Transient failures are retried by the runtime, which calls `apply` again
///    with the same batch.
/// 3. ``readState(of:fields:)`` from demos, reconciliation and the exception
///    workbench to read a record back by external id.
public protocol TargetConnector: Connector {
    func plan(_ operations: [TargetOperation]) throws(ConnectorError) -> [OperationBatch]

    func apply(_ batch: OperationBatch) async -> [OperationOutcome]

    func readState(of reference: TargetReference, fields: [String]) async throws(ConnectorError) -> TargetRecordState?
}

extension TargetConnector {
    public static var kind: ConnectorKind { .target }
}

/// Operations a target takes in one call, in order.
public struct OperationBatch: Sendable, Hashable {
    public var operations: [TargetOperation]

    public init(operations: [TargetOperation]) {
        self.operations = operations
    }
}

/// The result of applying one operation.
public typealias OperationOutcome = Result<OperationResult, ConnectorError>

/// What applying one operation did in the target.
public struct OperationResult: Codable, Sendable, Hashable {
    public enum Effect: String, Codable, Sendable, Hashable {
        /// A new record was created.
        case created
        /// An existing record was changed.
        case updated
        /// The record already had these values, or the action was already done (a posted invoice, a registered payment).
        case unchanged
    }

    public var reference: TargetReference
    public var effect: Effect
    /// The target's own id of the record, such as `account.move,42`.
    public var targetRecordID: String?
    /// Fields read back after the write (name, totals, state), for the audit log and demos.
    public var readBack: JSONObject

    public init(reference: TargetReference, effect: Effect, targetRecordID: String? = nil, readBack: JSONObject = [:]) {
        self.reference = reference
        self.effect = effect
        self.targetRecordID = targetRecordID
        self.readBack = readBack
    }

    enum CodingKeys: String, CodingKey {
        case reference, effect
        case targetRecordID = "target_record_id"
        case readBack = "read_back"
    }
}

/// A record read back from the target by external id.
public struct TargetRecordState: Codable, Sendable, Hashable {
    public var reference: TargetReference
    public var targetRecordID: String
    public var fields: JSONObject

    public init(reference: TargetReference, targetRecordID: String, fields: JSONObject) {
        self.reference = reference
        self.targetRecordID = targetRecordID
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case reference
        case targetRecordID = "target_record_id"
        case fields
    }
}
