import LedgerportSDK

/// The business logic of one model: hooks around the ORM operations and its public methods.
///
/// The ORM core (``Transaction``) validates and stores values. A behaviour
/// adds what the model does on top, such as numbering an invoice or
/// recomputing its totals. Every hook has a default that does nothing, so a
/// plain model only declares its fields.
protocol ModelBehavior: Sendable {
    /// Adjusts the values of a record about to be created, after defaults were applied.
    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws
    /// Runs after a record and its x2many lines were created.
    func didCreate(_ id: Int, in transaction: Transaction) throws
    /// Adjusts or rejects the values about to be written on `ids`.
    func willWrite(_ ids: [Int], _ values: inout RecordValues, x2many: Set<String>, in transaction: Transaction) throws
    /// Runs after `fields` were written on `ids`.
    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws
    /// Rejects or prepares the deletion of `ids`.
    func willUnlink(_ ids: [Int], in transaction: Transaction) throws
    /// Runs after `ids` were deleted; `rows` contains their last columns.
    func didUnlink(_ ids: [Int], rows: [Int: RecordValues], in transaction: Transaction) throws
    /// Returns the display name of a record (`display_name`, and the name in many2one pairs).
    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String
    /// The public methods beyond the standard ORM ones.
    var methods: [ModelMethod] { get }
}

extension ModelBehavior {
    func willCreate(_ values: inout RecordValues, in transaction: Transaction) throws {}
    func didCreate(_ id: Int, in transaction: Transaction) throws {}
    func willWrite(_ ids: [Int], _ values: inout RecordValues, x2many: Set<String>, in transaction: Transaction) throws {}
    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws {}
    func willUnlink(_ ids: [Int], in transaction: Transaction) throws {}
    func didUnlink(_ ids: [Int], rows: [Int: RecordValues], in transaction: Transaction) throws {}

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        row["name"]?.stringValue ?? ""
    }

    var methods: [ModelMethod] { [] }
}

/// A model with no logic beyond its fields.
struct PlainModel: ModelBehavior {
    init() {}
}
