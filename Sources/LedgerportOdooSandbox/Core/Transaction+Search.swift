import LedgerportSDK

/// Searching records, as `search`, `search_count` and `search_read` do.
extension Transaction {
    /// Returns the ids of `model` matching `domain`, ordered, skipped and limited.
    ///
    /// Archived records are left out unless the context sets `active_test`
    /// to false or the domain itself tests `active`, as Odoo does.
    func search(
        _ model: String, domain json: JSONValue = [], order: String? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [Int] {
        let definition = try self.definition(model)
        let domain = try Domain.parse(json, model: definition, in: self)
        return try search(definition, domain: domain, order: order, limit: limit, offset: offset)
    }

    /// Returns the ids of `model` matching an already parsed domain.
    func search(
        _ definition: ModelDefinition, domain: Domain, order: String? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [Int] {
        var effective = domain
        if definition.hasActiveField && activeTest && !domain.mentions("active") {
            effective = .combined(domain, .leaf(DomainLeaf(path: ["active"], comparison: "=", value: true)))
        }
        let evaluator = DomainEvaluator(transaction: self)
        let candidates = narrowedCandidates(definition.name, domain: effective) ?? allIDs(definition.name)
        let matching = try candidates.filter { try evaluator.matches(effective, model: definition, id: $0) }
        let ordered = try sorted(definition.name, matching, order: order)
        let start = min(max(offset, 0), ordered.count)
        let end = limit.map { min(start + max($0, 0), ordered.count) } ?? ordered.count
        return Array(ordered[start..<end])
    }

    /// Returns the ids a domain can match at most, from an index, when one of its top-level terms allows it.
    ///
    /// Only an exact many2one or id test narrows the scan; the full domain is
    /// still evaluated on every candidate.
    private func narrowedCandidates(_ model: String, domain: Domain) -> [Int]? {
        let terms: [Domain]
        switch domain {
        case .and(let parts): terms = parts
        case .leaf: terms = [domain]
        default: return nil
        }
        for term in terms {
            guard case .leaf(let leaf) = term, leaf.path.count == 1 else { continue }
            if leaf.path[0] == "id", leaf.comparison == "=" || leaf.comparison == "in" {
                let wanted = leaf.value.arrayValue?.compactMap(\.intValue) ?? [leaf.value.intValue].compactMap { $0 }
                return wanted.filter { exists(model, $0) }.sorted()
            }
            if leaf.comparison == "=", let target = leaf.value.intValue,
                let linked = linkedIDs(model, field: leaf.path[0], to: target)
            {
                return linked.sorted()
            }
        }
        return nil
    }

    /// Returns the first id of `model` where `field` equals `value`, archived records included.
    func first(_ model: String, where field: String, is value: JSONValue) -> Int? {
        allIDs(model).first { self.row(model, $0)?[field] == value }
    }
}
