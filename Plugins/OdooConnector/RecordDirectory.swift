import LedgerportSDK

/// Finds records by tenant-scoped external id without administrator rights, and claims new ones.
///
/// Reading `ir.model.data` needs the "Access Rights" group, which an
/// integration user should not have, so the directory uses what a billing
/// user may call:
///
/// - ``claim(_:model:context:label:)`` runs `load(["id"], ...)`. For an
///   existing external id Odoo writes nothing (`write({})`) and returns the
///   id. For a new one it creates a record with default values and binds the
///   external id in the same transaction. The unique index on the external
///   id makes two concurrent claims end with one record. Used only for models
///   whose empty record is valid (`account.move`, `account.payment`).
/// - ``find(_:label:)`` never creates. For models whose empty record Odoo
///   rejects (a partner needs a name, a product a name, an order a customer,
///   an activity a document), the same `load(["id"])` probe is a lookup: it
///   returns the id or fails without writing. Moves are found through
///   `invoice_origin`, which the connector sets to the qualified external
///   id, and confirmed with `get_external_id`. Payments are found among the
///   newest ones with `get_external_id`.
///
/// Found ids are cached in a ``RecordIDCache`` of at most twice
/// ``idCacheCapacity`` ids. A cached id whose record was deleted surfaces as
/// `MissingError` and is dropped with ``forget(_:)``.
actor RecordDirectory {
    private let session: OdooSession
    let scope: ExternalIDScope
    private var ids = RecordIDCache(capacity: RecordDirectory.idCacheCapacity)

    /// The ids of one cache generation, about 1.5 s of batched delivery on the benchmark machine.
    ///
    /// Both generations together take about 2 MB per connection (an estimate: 20,000 entries of about 100 bytes).
    static let idCacheCapacity = 10_000

    /// Models whose empty record Odoo rejects, so a `load(["id"])` probe never creates one.
    static let probeModels: Set<String> = ["res.partner", "product.product", "sale.order", "mail.activity"]

    /// How many of the newest payments a lookup by external id scans.
    static let paymentScanLimit = 500

    init(session: OdooSession, scope: ExternalIDScope) {
        self.session = session
        self.scope = scope
    }

    func cached(_ reference: TargetReference) -> Int64? {
        ids.id(of: reference)
    }

    func remember(_ reference: TargetReference, id: Int64) {
        ids.store(id, for: reference)
    }

    /// Returns, for each reference, whether its id is cached: the record was loaded or found before.
    func cachedAll(_ references: [TargetReference]) -> [Bool] {
        references.map { ids.id(of: $0) != nil }
    }

    /// Remembers the ids of many records with one call into the actor instead of one per record.
    func rememberAll(_ references: [TargetReference], ids found: [Int64]) {
        for (reference, id) in zip(references, found) {
            ids.store(id, for: reference)
        }
    }

    func forget(_ reference: TargetReference) {
        ids.remove(reference)
    }

    /// Looks up the Odoo id of `reference`, or returns nil when no record has that external id. Creates nothing.
    func find(_ reference: TargetReference, label: String) async throws(ConnectorError) -> Int64? {
        if let id = ids.id(of: reference) { return id }
        let found: Int64?
        switch reference.model {
        case let model where Self.probeModels.contains(model):
            found = try await probe([reference], label: label)[reference]
        case "account.move":
            found = try await findMove(reference, label: label)
        case "account.payment":
            found = try await scanPayments(reference, label: label)
        default:
            throw .configuration("unsupported_operation", "\(label): records of \(reference.model) cannot be looked up by external id")
        }
        if let found { ids.store(found, for: reference) }
        return found
    }

    /// Looks up every reference that exists, probing many records of one model in one call when possible.
    func findAll(_ references: [TargetReference], label: String) async throws(ConnectorError) -> [TargetReference: Int64] {
        var result = [TargetReference: Int64]()
        var missing = [TargetReference]()
        for reference in Set(references) {
            if let id = ids.id(of: reference) { result[reference] = id } else { missing.append(reference) }
        }
        let byModel = Dictionary(grouping: missing, by: \.model)
        for (model, group) in byModel {
            if Self.probeModels.contains(model) {
                result.merge(try await probe(group, label: label)) { old, _ in old }
            } else {
                for reference in group {
                    if let id = try await find(reference, label: label) { result[reference] = id }
                }
            }
        }
        for (reference, id) in result { ids.store(id, for: reference) }
        return result
    }

    /// Returns the record bound to each reference, creating empty records (with `context` defaults) for new ones.
    func claim(_ references: [TargetReference], model: String, context: JSONObject, label: String) async throws(ConnectorError) -> [Int64] {
        let rows = references.map { [scope.qualified($0.externalID)] }
        let result = try await session.execute(.load(model, fields: ["id"], rows: rows, context: context), operation: label)
        let claimed = try LoadResult(result, label: label).requireIDs(count: references.count, label: label)
        for (reference, id) in zip(references, claimed) { ids.store(id, for: reference) }
        return claimed
    }

    /// Probes with `load(["id"])`; a failed load means at least one record is missing, so the rest are probed one by one.
    private func probe(_ references: [TargetReference], label: String) async throws(ConnectorError) -> [TargetReference: Int64] {
        guard let model = references.first?.model else { return [:] }
        let rows = references.map { [scope.qualified($0.externalID)] }
        let result = try LoadResult(try await session.execute(.load(model, fields: ["id"], rows: rows), operation: label), label: label)
        if let found = result.ids, result.firstError == nil, found.count == references.count {
            return Dictionary(uniqueKeysWithValues: zip(references, found))
        }
        if let error = result.firstError, error.text.contains("You are not allowed to") {
            throw LoadResult.classify(error.text, label: label)
        }
        guard references.count > 1 else { return [:] }
        var found = [TargetReference: Int64]()
        for reference in references {
            found.merge(try await probe([reference], label: label)) { old, _ in old }
        }
        return found
    }

    private func findMove(_ reference: TargetReference, label: String) async throws(ConnectorError) -> Int64? {
        let qualified = scope.qualified(reference.externalID)
        let call = OdooCall.searchRead("account.move", domain: [domainLeaf("invoice_origin", "=", .string(qualified))], fields: ["id"])
        let candidates = (try await session.execute(call, operation: label).arrayValue ?? []).compactMap { $0["id"]?.int64Value }
        return try await confirm(candidates, model: "account.move", qualified: qualified, label: label)
    }

    // NOTE: a payment older than the newest `paymentScanLimit` payments is not found here.
    // Payment registration finds its payment through the invoice instead, so only state reads are affected.
    private func scanPayments(_ reference: TargetReference, label: String) async throws(ConnectorError) -> Int64? {
        let call = OdooCall.searchRead("account.payment", domain: [], fields: ["id"], order: "id desc", limit: Self.paymentScanLimit)
        let candidates = (try await session.execute(call, operation: label).arrayValue ?? []).compactMap { $0["id"]?.int64Value }
        return try await confirm(candidates, model: "account.payment", qualified: scope.qualified(reference.externalID), label: label)
    }

    /// The candidate whose external id is `qualified`, checked with `get_external_id`, which a non-admin user may call.
    func confirm(_ candidates: [Int64], model: String, qualified: String, label: String) async throws(ConnectorError) -> Int64? {
        guard !candidates.isEmpty else { return nil }
        let external = try await session.execute(.externalIDs(model, ids: candidates), operation: label)
        return candidates.first { external[String($0)]?.stringValue == qualified }
    }
}
