/// One change a mapping asks a target to make, such as "upsert this invoice" or "post it".
///
/// Operations are plain data: a mapping produces them without I/O, a dry run
/// prints them, a diff compares them, and the target connector applies them.
/// The ``externalID`` makes every operation idempotent: applying the same
/// operation twice must leave the target as applying it once, which is how
/// retries, replays and duplicate webhooks stay exactly-once.
public struct TargetOperation: Codable, Sendable, Hashable {
    public var action: TargetAction
    /// The target model, such as `account.move`; one of the target spec's objects.
    public var model: String
    /// The stable external id of the record this operation creates or changes,
    /// derived from the source object (`stripe_invoice_in_123`). The target
    /// connector scopes it by tenant. For ``TargetAction/registerPayment`` and
    /// ``TargetAction/reverse`` it names the payment or credit note created, which
    /// is what guards against a second payment.
    public var externalID: String
    /// Field values in the target's terms.
    public var values: [String: TargetValue]
    /// Amounts the target must hold after the operation; a difference is a business exception.
    public var expectations: [AmountExpectation]

    public init(
        action: TargetAction, model: String, externalID: String,
        values: [String: TargetValue] = [:], expectations: [AmountExpectation] = []
    ) {
        self.action = action
        self.model = model
        self.externalID = externalID
        self.values = values
        self.expectations = expectations
    }

    enum CodingKeys: String, CodingKey {
        case action, model
        case externalID = "external_id"
        case values, expectations
    }

    /// A reference to the record this operation affects.
    public var reference: TargetReference {
        TargetReference(model: model, externalID: externalID)
    }
}

/// An amount the target must report after an operation, such as `amount_total` of an invoice.
public struct AmountExpectation: Codable, Sendable, Hashable {
    /// The target field to read back, such as `amount_total` or `amount_residual`.
    public var field: String
    public var expected: Money

    public init(field: String, expected: Money) {
        self.field = field
        self.expected = expected
    }
}
