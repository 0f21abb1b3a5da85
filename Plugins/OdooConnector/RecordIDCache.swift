import LedgerportSDK

/// The Odoo ids of records found by external id, bounded so that a long-running connection does not grow without end.
///
/// It keeps two generations. Lookups read the recent one, then the older
/// one, and move an entry found there into the recent one. When the recent
/// generation reaches `capacity`, it becomes the older one and the older one
/// is dropped. So at most twice `capacity` ids are kept, and a record used
/// since the last turnover is always kept. A dropped id costs one lookup in
/// Odoo the next time its record is written.
struct RecordIDCache {
    /// The number of ids in one generation.
    let capacity: Int
    private var recent: [TargetReference: Int64] = [:]
    private var older: [TargetReference: Int64] = [:]

    init(capacity: Int) {
        precondition(capacity > 0, "a record id cache needs room for at least one id")
        self.capacity = capacity
    }

    /// The number of ids kept, across both generations.
    var count: Int {
        recent.count + older.count
    }

    /// Returns the id of `reference`, keeping it in the recent generation, or nil when it is not kept.
    mutating func id(of reference: TargetReference) -> Int64? {
        if let id = recent[reference] {
            return id
        }
        guard let id = older.removeValue(forKey: reference) else {
            return nil
        }
        store(id, for: reference)
        return id
    }

    /// Keeps `id` as the Odoo id of `reference`.
    mutating func store(_ id: Int64, for reference: TargetReference) {
        if recent.count >= capacity, recent[reference] == nil {
            older = recent
            recent = [:]
        }
        recent[reference] = id
    }

    /// Forgets the id of `reference`, for a record that Odoo no longer has.
    mutating func remove(_ reference: TargetReference) {
        recent[reference] = nil
        older[reference] = nil
    }
}
